package org.heard.channels;

import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a network allows in a reply.
 *
 * @param maxLength the longest text, counted the network's way
 * @param privateReplyToPublicPost whether an agent may answer a public post with a private message
 * @param counting how the network counts characters
 * @param privateWindow how long after the customer's last message the network takes a private message in their
 *     chat; null where it takes one at any time
 * @param privateReplyWindow how long after a public post the network takes one private reply to it; null where
 *     there is no such limit
 * @param privateThreading whether a private message can answer one of the customer's messages (in the mail
 *     thread, or quoting it in the chat), so that a private reply is given the customer's latest message to
 *     answer; false where the network's private messages answer nothing and would refuse or misuse a target
 */
public record ComposerRules(
        int maxLength,
        boolean privateReplyToPublicPost,
        Counting counting,
        @Nullable MessagingWindow privateWindow,
        @Nullable MessagingWindow privateReplyWindow,
        boolean privateThreading) {

    public ComposerRules(
            int maxLength,
            boolean privateReplyToPublicPost,
            Counting counting,
            @Nullable MessagingWindow privateWindow,
            @Nullable MessagingWindow privateReplyWindow) {
        this(maxLength, privateReplyToPublicPost, counting, privateWindow, privateReplyWindow, false);
    }

    public ComposerRules(int maxLength, boolean privateReplyToPublicPost, Counting counting) {
        this(maxLength, privateReplyToPublicPost, counting, null, null);
    }

    public ComposerRules(int maxLength, boolean privateReplyToPublicPost) {
        this(maxLength, privateReplyToPublicPost, Counting.CODE_POINTS);
    }

    /** The same rules with a window for private messages in the customer's chat. */
    public ComposerRules withPrivateWindow(MessagingWindow window) {
        return new ComposerRules(
                maxLength, privateReplyToPublicPost, counting, window, privateReplyWindow, privateThreading);
    }

    /** The same rules with a window for a private reply to a public post. */
    public ComposerRules withPrivateReplyWindow(MessagingWindow window) {
        return new ComposerRules(
                maxLength, privateReplyToPublicPost, counting, privateWindow, window, privateThreading);
    }

    /** The same rules for a network whose private messages answer the customer's message they reply to. */
    public ComposerRules withPrivateThreading() {
        return new ComposerRules(
                maxLength, privateReplyToPublicPost, counting, privateWindow, privateReplyWindow, true);
    }

    /**
     * Why a private message cannot be sent now, or null if it can: "The customer last wrote 26 hours ago; WhatsApp
     * only allows an approved template now."
     *
     * @param toPublicPost whether it answers a public post privately, rather than writing in the customer's chat
     * @param customerWrote when the customer last wrote (posted, for a public post); null if never
     */
    public @Nullable String privateMessageClosed(boolean toPublicPost, @Nullable Instant customerWrote, Instant now) {
        var window = toPublicPost ? privateReplyWindow : privateWindow;
        return window == null ? null : window.closedBecause(customerWrote, now);
    }

    /**
     * How long after the customer last wrote a network takes a free-form private message, and what it allows after.
     *
     * @param length the window, counted from the customer's last message
     * @param afterwards what the network allows once it closed, said to the agent: "WhatsApp only allows an
     *     approved template now."
     * @param templates whether an approved template may still be sent after it closed (WhatsApp)
     */
    public record MessagingWindow(Duration length, String afterwards, boolean templates) {

        public MessagingWindow {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("A messaging window lasts some time");
            }
        }

        /** Why the window is closed, or null while it is open. */
        public @Nullable String closedBecause(@Nullable Instant customerWrote, Instant now) {
            if (customerWrote == null) {
                return "The customer has not written yet; " + afterwards;
            }
            var since = Duration.between(customerWrote, now);
            if (since.compareTo(length) <= 0) {
                return null;
            }
            return "The customer last wrote " + ago(since) + "; " + afterwards;
        }

        /** "26 hours ago" up to two days, then "8 days ago". */
        static String ago(Duration since) {
            long hours = since.toHours();
            if (hours < 48) {
                return hours + (hours == 1 ? " hour ago" : " hours ago");
            }
            return since.toDays() + " days ago";
        }
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
