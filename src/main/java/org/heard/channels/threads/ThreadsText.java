package org.heard.channels.threads;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * How Threads counts a post's 500 characters: "Text posts are limited to 500 characters. Emojis are counted as the
 * number of UTF-8 bytes." So a letter of any script is one (a code point), and an emoji is its UTF-8 length: 😀 is 4,
 * ❤️ (U+2764 U+FE0F) 6, a family joined with zero-width joiners 18 or more.
 *
 * @see <a href="https://developers.facebook.com/documentation/threads/posts">Threads posts: limitations</a>
 */
final class ThreadsText {

    static final int MAX_LENGTH = 500;

    private ThreadsText() {}

    static int length(String text) {
        var clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        clusters.setText(text);
        int length = 0;
        for (int start = 0, end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            var cluster = text.substring(start, end);
            length += emoji(cluster)
                    ? cluster.getBytes(StandardCharsets.UTF_8).length
                    : cluster.codePointCount(0, cluster.length());
        }
        return length;
    }

    /**
     * What shows as an emoji: a code point drawn as one by default, a pictograph asked to be one with U+FE0F, or a
     * flag's regional indicators. Digits, {@code #} and {@code *} are emoji code points too, but only as keycaps.
     */
    private static boolean emoji(String cluster) {
        boolean presentationSelector = cluster.indexOf('\uFE0F') >= 0;
        return cluster.codePoints()
                .anyMatch(c -> Character.isEmojiPresentation(c)
                        || (c >= 0x1F1E6 && c <= 0x1F1FF)
                        || (presentationSelector && Character.isExtendedPictographic(c))
                        || c == 0x20E3);
    }
}
