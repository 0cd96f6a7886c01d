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
        };

        abstract int count(String text);
    }
}
