package org.heard.triage.analysis;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the complaint model reads in a message: the sentence vector of its words, and the lexicon's own
 * cues (its verdict, the feeling of the words, whether the problem was resolved or only asked about …).
 * The vector is taken of the text without @handles and with denied trouble read as "fine", so that
 * "nothing is down for me" does not sit beside outages and the company's name tells the model nothing.
 * Only the customer's words are read: nothing about who they are or which channel they wrote on.
 */
public final class ComplaintFeatures {

    /** How many lexicon cues follow the sentence vector. */
    public static final int CUES = 10;

    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_]+:?");
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}{2,}(?![\\p{L}\\p{N}])");
    static final int FEWEST_WORDS = 2;

    private static final Set<String> ASKED_STILL_TOLD =
            Set.of("not-happened", "goes-on", "contradiction", "never-finishes", "complaint-question");

    private ComplaintFeatures() {}

    /**
     * The text the sentence model reads: without @handles or '#', denied trouble read as "fine"; never
     * blank, as the model refuses a blank text.
     */
    public static String modelText(String text) {
        String plain = HANDLE.matcher(CleanText.of(text))
                .replaceAll(" ")
                .replace("#", "")
                .strip();
        return plain.isEmpty() ? "(nothing)" : DeniedTrouble.readAsFine(plain);
    }

    /**
     * Whether the text has words for the model to weigh: at least {@value #FEWEST_WORDS} words of letters. Ids,
     * numbers and a lone word carry no complaint the lexicon has not seen, and the model, which never saw such text
     * in the tuning posts, would only guess at them.
     */
    public static boolean hasWords(String text) {
        var words = WORD.matcher(HANDLE.matcher(CleanText.of(text)).replaceAll(" "));
        int count = 0;
        while (words.find()) {
            if (++count >= FEWEST_WORDS) {
                return true;
            }
        }
        return false;
    }

    /** The lexicon's cues, each 0 or 1 but the words' feeling, in [-1, 1]. */
    public static double[] cues(String text, BrandVocabulary vocabulary) {
        String read = DeniedTrouble.readAsFine(CleanText.of(text));
        String lower = read.toLowerCase(Locale.ROOT);
        var tokens = Tokens.social(read, vocabulary.lexicon());
        boolean shouted = Tokens.someShouted(tokens) || Tokens.allShouted(tokens);
        boolean sarcastic = CareSignals.sarcastic(lower);
        double words = new ValenceScorer(vocabulary.lexicon()).compound(tokens, read, shouted, sarcastic);
        var reading = ComplaintReading.of(lower, words, vocabulary);
        String unresolved = Resolution.unresolvedPart(lower);
        String stated = Questions.statements(unresolved, ProblemStatements.of("complaint-question"));
        boolean askedStillTold = ProblemStatements.in(Questions.withoutConditions(unresolved)).stream()
                .anyMatch(ASKED_STILL_TOLD::contains);
        return new double[] {
            bit(reading.complaint()),
            words,
            bit(!unresolved.equals(lower)),
            bit(reading.asksOnly()),
            bit(!ProblemStatements.in(stated).isEmpty()),
            bit(askedStillTold),
            bit(!CareSignals.in(stated).isEmpty()),
            bit(CareSignals.complains(stated)),
            bit(sarcastic),
            bit(lower.contains("?")),
        };
    }

    /** The model's input: the sentence vector followed by the cues. */
    public static double[] of(float[] vector, double[] cues) {
        double[] features = new double[vector.length + cues.length];
        for (int i = 0; i < vector.length; i++) {
            features[i] = vector[i];
        }
        System.arraycopy(cues, 0, features, vector.length, cues.length);
        return features;
    }

    private static double bit(boolean value) {
        return value ? 1 : 0;
    }
}
