package org.heard.triage.analysis;

import java.util.Locale;

/**
 * One word, emoticon or emoji of a message as VADER reads it.
 *
 * @param text as written, without surrounding punctuation (capitals matter for emphasis)
 * @param lower the lexicon key: lower case, and for an elongated word ("sooo") the word it stretches
 * @param elongated whether the writer stretched the word, which Heard reads as emphasis
 */
record Token(String text, String lower, boolean elongated) {

    static Token of(String text) {
        return new Token(text, text.toLowerCase(Locale.ROOT), false);
    }

    /** Python's {@code str.isupper()}, which VADER uses: some cased letter, and none in lower case. */
    boolean shouted() {
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
        }
        return upper;
    }
}
