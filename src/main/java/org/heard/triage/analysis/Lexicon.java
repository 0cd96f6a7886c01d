package org.heard.triage.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Valences of words, phrases, emoticons and emoji on VADER's scale of -4 (most negative) to 4. A
 * phrase ("rip off") is stored joined by underscores and joined the same way in the text before
 * tokens are read, so that VADER's rules (negation, capitals, boosters) apply to it as to a word.
 */
public final class Lexicon {

    private static final int EMOJI_MIN_OCCURRENCES = 5;
    private static final Pattern NOTHING = Pattern.compile("(?!)");

    private final Map<String, Double> valences;
    private final Set<String> phraseKeys;
    private final Pattern phrases;

    private Lexicon(Map<String, Double> valences, Set<String> phraseKeys) {
        this.valences = Map.copyOf(valences);
        this.phraseKeys = Set.copyOf(phraseKeys);
        this.phrases = phrasePattern(phraseKeys);
    }

    /** The unmodified VADER lexicon (Hutto and Gilbert 2014, MIT licence). */
    public static Lexicon vader() {
        var valences = new HashMap<String, Double>();
        ResourceLines.read(
                "triage/vader_lexicon.txt", '\t', (columns, line) -> valences.put(columns[0], parse(columns[1], line)));
        return new Lexicon(valences, Set.of());
    }

    /** VADER's lexicon with the Emoji Sentiment Ranking and Heard's customer-care terms on top. */
    public static Lexicon social() {
        var valences = new HashMap<>(vader().valences);
        ResourceLines.read("triage/emoji_sentiment_ranking.csv", ',', (columns, line) -> {
            if (!columns[0].equals("Emoji")) {
                emojiValence(columns, line, valences);
            }
        });
        var terms = new HashMap<String, Double>();
        ResourceLines.read(
                "triage/social_lexicon.txt", '\t', (columns, line) -> terms.put(columns[0], parse(columns[1], line)));
        return new Lexicon(valences, Set.of()).with(terms);
    }

    /** This lexicon with the given terms (in any case, words separated by spaces) added or replaced. */
    Lexicon with(Map<String, Double> terms) {
        var valences = new HashMap<>(this.valences);
        var phraseKeys = new HashSet<>(this.phraseKeys);
        terms.forEach((term, valence) -> {
            valences.put(key(term), valence);
            if (term.strip().contains(" ")) {
                phraseKeys.add(key(term));
            }
        });
        return new Lexicon(valences, phraseKeys);
    }

    /** The valence of a token in lower case, or null when the lexicon does not know it. */
    @Nullable
    Double valence(String lowerToken) {
        return valences.get(lowerToken);
    }

    boolean contains(String lowerToken) {
        return valences.containsKey(lowerToken);
    }

    /** The text with every known phrase joined by underscores, keeping its letters' case. */
    String joinPhrases(String text) {
        if (phrases == NOTHING) {
            return text;
        }
        Matcher matcher = phrases.matcher(text);
        return matcher.replaceAll(
                match -> Matcher.quoteReplacement(match.group().replaceAll("\\s+", "_")));
    }

    static String key(String term) {
        return term.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "_");
    }

    // Kralj Novak et al. score an emoji by (positive - negative) / occurrences, in [-1, 1]; Laplace
    // smoothing keeps rare emoji near neutral, and the factor 4 puts it on VADER's scale.
    private static void emojiValence(String[] columns, int line, Map<String, Double> valences) {
        int occurrences = (int) parse(columns[2], line);
        if (occurrences < EMOJI_MIN_OCCURRENCES) {
            return;
        }
        double negative = parse(columns[4], line);
        double positive = parse(columns[6], line);
        double score = (positive + 1) / (occurrences + 3) - (negative + 1) / (occurrences + 3);
        valences.put(columns[0], Math.round(4 * score * 100) / 100.0);
    }

    private static Pattern phrasePattern(Set<String> phraseKeys) {
        var alternatives = phraseKeys.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(key -> Pattern.quote(key).replace("_", "\\E\\s+\\Q"))
                .toList();
        if (alternatives.isEmpty()) {
            return NOTHING;
        }
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static double parse(String number, int line) {
        try {
            return Double.parseDouble(number.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Not a number on line " + line + ": " + number, e);
        }
    }
}
