package org.heard.triage.analysis;

/**
 * A message made safe and quick to read: at most {@link #MAX_CHARS} characters (a care message is a
 * few hundred; the rest of a pasted log adds time, not meaning), no control characters or NULs, no
 * half surrogate pairs, and typographic apostrophes as the plain one the lexicon uses.
 */
final class CleanText {

    /** 20,000 characters: ten times the longest post any supported network allows. */
    static final int MAX_CHARS = 20_000;

    private CleanText() {}

    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        var out = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            out.append(clean(text, i, end));
        }
        return out.toString().strip();
    }

    private static char clean(String text, int i, int end) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1)) ? c : ' ';
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? c : ' ';
        }
        if (c == '\u2019' || c == '\u2018' || c == '\u02bc') {
            return '\'';
        }
        boolean control = Character.isISOControl(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF';
        return control ? ' ' : c;
    }
}
