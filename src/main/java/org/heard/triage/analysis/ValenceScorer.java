package org.heard.triage.analysis;

import static org.heard.triage.analysis.SentimentRules.CAPS_INCREASE;
import static org.heard.triage.analysis.SentimentRules.NEGATION_SCALAR;

import java.util.List;

/**
 * VADER's rules (vaderSentiment 3.3.2, {@code SentimentIntensityAnalyzer}; Hutto and Gilbert 2014):
 * a token's lexicon valence, turned by "no" and negations up to three words before it, raised by
 * capitals and boosters, halved before "but" and raised after it; the sum grows with "!" and "??"
 * and is squashed into the compound score in [-1, 1]. Written after the Python original, except
 * that "but" weighs sentiments by position, which is what the original's value lookup meant to do.
 */
public final class ValenceScorer {

    private final Lexicon lexicon;

    public ValenceScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Plain VADER: its own lexicon, tokens and rules, nothing of Heard's. */
    public static double plainVader(ValenceScorer vader, String text) {
        var tokens = Tokens.vader(text);
        return vader.compound(tokens, text, Tokens.someShouted(tokens), false);
    }

    /**
     * The compound score of tokens read from the text.
     *
     * @param capsEmphasis whether a word in capitals is emphasised (VADER: some words are, some not)
     * @param sarcastic whether a cue says the writer means the opposite of the positive words
     */
    double compound(List<Token> tokens, String text, boolean capsEmphasis, boolean sarcastic) {
        double[] sentiments = new double[tokens.size()];
        for (int i = 0; i < sentiments.length; i++) {
            sentiments[i] = valenceAt(tokens, i, capsEmphasis);
        }
        weighAroundBut(tokens, sentiments);
        double sum = 0;
        for (double sentiment : sentiments) {
            sum += sarcastic && sentiment > 0 ? -sentiment : sentiment;
        }
        if (sum == 0) {
            return 0;
        }
        double emphasis = punctuationEmphasis(text);
        double compound = SentimentRules.normalize(sum > 0 ? sum + emphasis : sum - emphasis);
        return Math.round(compound * 10_000) / 10_000.0;
    }

    private double valenceAt(List<Token> tokens, int i, boolean capsEmphasis) {
        var token = tokens.get(i);
        String item = token.lower();
        if (SentimentRules.boost(item) != 0
                || (item.equals("kind") && lowerAt(tokens, i + 1).equals("of"))) {
            return 0;
        }
        Double base = lexicon.valence(item);
        if (base == null) {
            return 0;
        }
        double valence = afterNo(tokens, i, base);
        if (token.shouted() && capsEmphasis) {
            valence += valence > 0 ? CAPS_INCREASE : -CAPS_INCREASE;
        }
        if (token.elongated() && valence != 0) {
            valence += valence > 0 ? SentimentRules.BOOSTER_INCREASE : -SentimentRules.BOOSTER_INCREASE;
        }
        for (int distance = 0; distance < 3; distance++) {
            if (i > distance && !lexicon.contains(lowerAt(tokens, i - distance - 1))) {
                valence += boostFrom(tokens.get(i - distance - 1), valence, capsEmphasis) * (1 - 0.05 * distance);
                valence = NegationRules.negate(valence, tokens, distance, i);
                if (distance == 2) {
                    valence = NegationRules.idioms(valence, tokens, i);
                }
            }
        }
        return NegationRules.least(valence, tokens, i, lexicon);
    }

    // "no" next to a lexicon word negates that word instead of counting as a negative word itself.
    private double afterNo(List<Token> tokens, int i, double base) {
        double valence = base;
        if (tokens.get(i).lower().equals("no") && i < tokens.size() - 1 && lexicon.contains(lowerAt(tokens, i + 1))) {
            valence = 0;
        }
        boolean orNor =
                lowerAt(tokens, i - 1).equals("or") || lowerAt(tokens, i - 1).equals("nor");
        if (lowerAt(tokens, i - 1).equals("no")
                || lowerAt(tokens, i - 2).equals("no")
                || (lowerAt(tokens, i - 3).equals("no") && orNor)) {
            valence = base * NEGATION_SCALAR;
        }
        return valence;
    }

    // VADER's scalar_inc_dec: a booster before a word, in the word's direction, more if in capitals.
    private static double boostFrom(Token booster, double valence, boolean capsEmphasis) {
        double scalar = SentimentRules.boost(booster.lower());
        if (scalar == 0) {
            return 0;
        }
        scalar = valence < 0 ? -scalar : scalar;
        if (booster.shouted() && capsEmphasis) {
            scalar += valence > 0 ? CAPS_INCREASE : -CAPS_INCREASE;
        }
        if (booster.elongated()) {
            scalar += scalar > 0 ? SentimentRules.BOOSTER_INCREASE : -SentimentRules.BOOSTER_INCREASE;
        }
        return scalar;
    }

    private static void weighAroundBut(List<Token> tokens, double[] sentiments) {
        int but = -1;
        for (int i = 0; i < tokens.size() && but < 0; i++) {
            but = tokens.get(i).lower().equals("but") ? i : -1;
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < sentiments.length; i++) {
            sentiments[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
        }
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return exclamations * 0.292 + questionEmphasis;
    }

    static String lowerAt(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).lower() : "";
    }
}
