package org.heard.channels;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * What a network allows in a reply.
 *
 * @param maxLength the longest text, counted the network's way
 * @param privateReplyToPublicPost whether an agent may answer a public post with a private message
 * @param counting how the network counts characters
 */
public record ComposerRules(int maxLength, boolean privateReplyToPublicPost, Counting counting) {

    public ComposerRules(int maxLength, boolean privateReplyToPublicPost) {
        this(maxLength, privateReplyToPublicPost, Counting.CODE_POINTS);
    }

    /** Counts a text the way the network does. */
    public int length(String text) {
        return counting.count(text);
    }

    /** How networks count: most by code point, Bluesky by grapheme, a few by UTF-16 unit. */
    public enum Counting {
        CODE_POINTS {
            @Override
            int count(String text) {
                return text.codePointCount(0, text.length());
            }
        },
        /** What a person sees as one character: an emoji with skin tone or a flag counts once. */
        GRAPHEMES {
            @Override
            int count(String text) {
                var boundaries = BreakIterator.getCharacterInstance(Locale.ROOT);
                boundaries.setText(text);
                int count = 0;
                while (boundaries.next() != BreakIterator.DONE) {
                    count++;
                }
                return count;
            }
        },
        UTF16 {
            @Override
            int count(String text) {
                return text.length();
            }
        },
        /**
         * X's weighted count (twitter-text v3 configuration, github.com/twitter/twitter-text
         * {@code config/v3.json}): after NFC normalisation, code points in 0–4351, 8192–8205, 8208–8223 and
         * 8242–8247 weigh 1 and all others 2 (CJK, most emoji); an emoji sequence weighs 2 however many code
         * points it joins; every URL weighs 23, the length of the t.co link X puts in its place. URLs without
         * a scheme are recognised for common top-level domains only.
         */
        X_WEIGHTED {
            private static final java.util.regex.Pattern URL =
                    java.util.regex.Pattern.compile("(?i)(?<![\\w@./])(?:https?://[^\\s\\p{Cf}<>\"]+"
                            + "|(?:[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?\\.)+"
                            + "(?:com|net|org|info|biz|edu|gov|io|co|app|dev|ly|me|tv|ai|uk|us|ca|de|fr|es|it|nl|be|ch"
                            + "|at|se|no|dk|fi|pl|pt|br|mx|ar|au|nz|jp|cn|kr|in|ru|eu)"
                            + "(?![\\w-])(?:/[^\\s\\p{Cf}<>\"]*)?)");

            @Override
            int count(String text) {
                var normal = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
                var urls = URL.matcher(normal);
                int weight = 0;
                int from = 0;
                while (urls.find()) {
                    var url = urls.group().replaceAll("[.,;:!?)'\\]]+$", "");
                    weight += weighText(normal.substring(from, urls.start())) + 23;
                    from = urls.start() + url.length();
                }
                return weight + weighText(normal.substring(from));
            }

            private static int weighText(String text) {
                var clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
                clusters.setText(text);
                int weight = 0;
                for (int start = 0, end = clusters.next();
                        end != BreakIterator.DONE;
                        start = end, end = clusters.next()) {
                    var cluster = text.substring(start, end);
                    weight += emoji(cluster)
                            ? 2
                            : cluster.codePoints().map(c -> weigh(c)).sum();
                }
                return weight;
            }

            private static boolean emoji(String cluster) {
                int first = cluster.codePointAt(0);
                if (cluster.codePointCount(0, cluster.length()) == 1) {
                    return Character.isEmojiPresentation(first);
                }
                return cluster.codePoints()
                        .anyMatch(c -> Character.isExtendedPictographic(c) || (c >= 0x1F1E6 && c <= 0x1F1FF));
            }

            private static int weigh(int c) {
                boolean light =
                        c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) || (c >= 8242 && c <= 8247);
                return light ? 1 : 2;
            }
        };

        abstract int count(String text);
    }
}
