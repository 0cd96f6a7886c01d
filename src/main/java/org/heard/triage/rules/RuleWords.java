package org.heard.triage.rules;

/**
 * Finds a word or phrase in a text as a person would: {@code late} is in "running late!" but not in
 * "chocolate". Both are lower case already.
 */
final class RuleWords {

    private RuleWords() {}

    static boolean contains(String text, String phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            if (boundaryBefore(text, at, phrase) && boundaryAfter(text, at + phrase.length(), phrase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundaryBefore(String text, int at, String phrase) {
        return at == 0 || !wordy(phrase.codePointAt(0)) || !wordy(text.codePointBefore(at));
    }

    private static boolean boundaryAfter(String text, int end, String phrase) {
        return end == text.length() || !wordy(phrase.codePointBefore(phrase.length())) || !wordy(text.codePointAt(end));
    }

    private static boolean wordy(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }
}
