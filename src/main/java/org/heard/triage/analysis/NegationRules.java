package org.heard.triage.analysis;

import static org.heard.triage.analysis.SentimentRules.NEGATION_SCALAR;
import static org.heard.triage.analysis.ValenceScorer.lowerAt;

import java.util.List;

/**
 * VADER's look-back rules for the words before a sentiment word (vaderSentiment 3.3.2:
 * {@code _negation_check}, {@code _special_idioms_check}, {@code _least_check}).
 */
final class NegationRules {

    private NegationRules() {}

    /** A negation one, two or three words back flips the valence; "never so" raises it instead. */
    static double negate(double valence, List<Token> tokens, int distance, int i) {
        String before1 = lowerAt(tokens, i - 1);
        String before2 = lowerAt(tokens, i - 2);
        String before3 = lowerAt(tokens, i - 3);
        boolean soOrThis1 = before1.equals("so") || before1.equals("this");
        boolean soOrThis2 = before2.equals("so") || before2.equals("this");
        return switch (distance) {
            case 0 -> SentimentRules.negates(before1) ? valence * NEGATION_SCALAR : valence;
            case 1 -> {
                if (before2.equals("never") && soOrThis1) {
                    yield valence * 1.25;
                }
                if (before2.equals("without") && before1.equals("doubt")) {
                    yield valence;
                }
                yield SentimentRules.negates(before2) ? valence * NEGATION_SCALAR : valence;
            }
            default -> {
                // As in the original, whose operator precedence makes "so" or "this" just before the
                // word enough on its own.
                if ((before3.equals("never") && soOrThis2) || soOrThis1) {
                    yield valence * 1.25;
                }
                if (before3.equals("without") && (before2.equals("doubt") || before1.equals("doubt"))) {
                    yield valence;
                }
                yield SentimentRules.negates(before3) ? valence * NEGATION_SCALAR : valence;
            }
        };
    }

    /** Idioms around the word ("yeah right", "kiss of death") replace its valence; "kind of" damps it. */
    static double idioms(double valence, List<Token> tokens, int i) {
        String w0 = lowerAt(tokens, i);
        String w1 = lowerAt(tokens, i - 1);
        String w2 = lowerAt(tokens, i - 2);
        String w3 = lowerAt(tokens, i - 3);
        double result = valence;
        for (String sequence : List.of(
                w1 + " " + w0, w2 + " " + w1 + " " + w0, w2 + " " + w1, w3 + " " + w2 + " " + w1, w3 + " " + w2)) {
            Double special = SentimentRules.SPECIAL_CASES.get(sequence);
            if (special != null) {
                result = special;
                break;
            }
        }
        if (i + 1 < tokens.size()) {
            result = SentimentRules.SPECIAL_CASES.getOrDefault(w0 + " " + lowerAt(tokens, i + 1), result);
        }
        if (i + 2 < tokens.size()) {
            String ahead = w0 + " " + lowerAt(tokens, i + 1) + " " + lowerAt(tokens, i + 2);
            result = SentimentRules.SPECIAL_CASES.getOrDefault(ahead, result);
        }
        for (String bigram : List.of(w3 + " " + w2 + " " + w1, w3 + " " + w2, w2 + " " + w1)) {
            result += SentimentRules.boost(bigram);
        }
        return result;
    }

    /** "least" before a word negates it, except in "at least" and "very least". */
    static double least(double valence, List<Token> tokens, int i, Lexicon lexicon) {
        String before1 = lowerAt(tokens, i - 1);
        if (!before1.equals("least") || lexicon.contains(before1)) {
            return valence;
        }
        String before2 = lowerAt(tokens, i - 2);
        if (i > 1 && (before2.equals("at") || before2.equals("very"))) {
            return valence;
        }
        return valence * NEGATION_SCALAR;
    }
}
