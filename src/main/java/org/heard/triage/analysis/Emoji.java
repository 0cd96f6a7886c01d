package org.heard.triage.analysis;

import org.jspecify.annotations.Nullable;

/**
 * Emoji as tokens of their own. Customers glue them to words ("broken😡😡"); each emoji should count
 * once, with its skin tone, variation selector and zero-width-joined parts kept together.
 */
final class Emoji {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int VARIATION_SELECTOR_16 = 0xFE0F;

    private Emoji() {}

    static String setApart(String text) {
        var out = new StringBuilder(text.length() + 16);
        int previous = ' ';
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean startsEmoji = Character.isExtendedPictographic(c) && c > 0xFF && previous != ZERO_WIDTH_JOINER;
            boolean endsEmoji = isPictographicPart(previous) && !isPictographicPart(c) && !Character.isWhitespace(c);
            if ((startsEmoji && !Character.isWhitespace(previous)) || endsEmoji) {
                out.append(' ');
            }
            out.appendCodePoint(c);
            previous = c;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * The lexicon's key for an emoji token, or null if the token is no emoji the lexicon knows. The
     * ranking's data carries no variation selector or skin tone, and few joined sequences, so those
     * are tried without them and then as their first emoji.
     */
    static @Nullable String key(String token, Lexicon lexicon) {
        if (token.isEmpty() || !Character.isExtendedPictographic(token.codePointAt(0))) {
            return null;
        }
        if (lexicon.contains(token)) {
            return token;
        }
        var plain = new StringBuilder();
        token.codePoints()
                .filter(c -> c != VARIATION_SELECTOR_16 && !Character.isEmojiModifier(c))
                .forEach(plain::appendCodePoint);
        if (lexicon.contains(plain.toString())) {
            return plain.toString();
        }
        String first = Character.toString(token.codePointAt(0));
        return lexicon.contains(first) ? first : null;
    }

    private static boolean isPictographicPart(int c) {
        return (Character.isExtendedPictographic(c) && c > 0xFF)
                || c == ZERO_WIDTH_JOINER
                || c == VARIATION_SELECTOR_16
                || Character.isEmojiModifier(c);
    }
}
