package org.heard.triage.analysis;

import java.util.Map;
import java.util.Set;

/**
 * VADER's fixed word lists and constants, as in vaderSentiment 3.3.2 (Hutto and Gilbert 2014,
 * https://github.com/cjhutto/vaderSentiment, MIT licence): boosters and dampeners, negations, and
 * idioms whose meaning is not the sum of their words. The constants were fitted by the authors
 * against human raters; Heard keeps them.
 */
final class SentimentRules {

    /** Empirically derived increase or decrease of a booster word ("very", "kind of"). */
    static final double BOOSTER_INCREASE = 0.293;

    static final double BOOSTER_DECREASE = -0.293;

    /** Added to a word in capitals among words that are not. */
    static final double CAPS_INCREASE = 0.733;

    /** A negated word keeps 74 % of its strength, with the opposite sign. */
    static final double NEGATION_SCALAR = -0.74;

    private static final Set<String> NEGATIONS =
            words("aint, arent, cannot, cant, couldnt, darent, didnt, doesnt, ain't, aren't, can't, couldn't,  "
                    + "daren't, didn't, doesn't, dont, hadnt, hasnt, havent, isnt, mightnt, mustnt, neither, don't,  "
                    + "hadn't, hasn't, haven't, isn't, mightn't, mustn't, neednt, needn't, never, none, nope, nor,  "
                    + "not, nothing, nowhere, oughtnt, shant, shouldnt, uhuh, wasnt, werent, oughtn't, shan't,  "
                    + "shouldn't, uh-uh, wasn't, weren't, without, wont, wouldnt, won't, wouldn't, rarely, seldom,  "
                    + "despite");

    private static final Set<String> INCREASING =
            words("absolutely, amazingly, awfully, completely, considerable, considerably, decidedly, deeply,  "
                    + "effing, enormous, enormously, entirely, especially, exceptional, exceptionally, extreme,  "
                    + "extremely, fabulously, flipping, flippin, frackin, fracking, fricking, frickin, frigging,  "
                    + "friggin, fully, fuckin, fucking, fuggin, fugging, greatly, hella, highly, hugely, incredible,  "
                    + "incredibly, intensely, major, majorly, more, most, particularly, purely, quite, really,  "
                    + "remarkably, so, substantially, thoroughly, total, totally, tremendous, tremendously, uber,  "
                    + "unbelievably, unusually, utter, utterly, very");

    private static final Set<String> DECREASING =
            words("almost, barely, hardly, just enough, kind of, kinda, kindof, kind-of, less, little, marginal,  "
                    + "marginally, occasional, occasionally, partly, scarce, scarcely, slight, slightly, somewhat,  "
                    + "sort of, sorta, sortof, sort-of");

    /** Phrases whose valence replaces that of their words. */
    static final Map<String, Double> SPECIAL_CASES = Map.of(
            "the shit", 3.0,
            "the bomb", 3.0,
            "bad ass", 1.5,
            "badass", 1.5,
            "bus stop", 0.0,
            "yeah right", -2.0,
            "kiss of death", -1.5,
            "to die for", 3.0,
            "beating heart", 3.1,
            "broken heart", -2.9);

    private SentimentRules() {}

    private static Set<String> words(String commaSeparated) {
        return Set.of(commaSeparated.strip().split("\\s*,\\s*"));
    }

    /** The booster value of a lower-case word or bigram, or 0 if it boosts nothing. */
    static double boost(String lower) {
        if (INCREASING.contains(lower)) {
            return BOOSTER_INCREASE;
        }
        return DECREASING.contains(lower) ? BOOSTER_DECREASE : 0;
    }

    /** VADER's {@code negated()} for one lower-case word: a negation, or any word with "n't". */
    static boolean negates(String lower) {
        return NEGATIONS.contains(lower) || lower.contains("n't");
    }

    /** VADER's {@code normalize()}: squashes a sum of valences into [-1, 1] (alpha 15). */
    static double normalize(double score) {
        double normalized = score / Math.sqrt(score * score + 15);
        return Math.max(-1, Math.min(1, normalized));
    }
}
