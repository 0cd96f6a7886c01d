package org.heard.triage.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Heard's social lexicon with one company's brand terms on top, and the signals those terms raise.
 * Built once each time the terms change, so reading a message costs no query and no rebuilding.
 */
public final class BrandVocabulary {

    private static final Lexicon SOCIAL = Lexicon.social();

    private final Lexicon lexicon;
    private final Map<String, Pattern> signalTerms;

    private BrandVocabulary(Lexicon lexicon, Map<String, Pattern> signalTerms) {
        this.lexicon = lexicon;
        this.signalTerms = Map.copyOf(signalTerms);
    }

    /** Heard's own vocabulary, for a company that has set no terms. */
    public static BrandVocabulary none() {
        return new BrandVocabulary(SOCIAL, Map.of());
    }

    public static BrandVocabulary of(List<BrandTerm> terms) {
        var valences = new HashMap<String, Double>();
        var signals = new HashMap<String, List<String>>();
        for (var term : terms) {
            valences.put(term.term(), term.valence());
            if (term.signal() != null) {
                signals.computeIfAbsent(term.signal(), key -> new ArrayList<>()).add(Pattern.quote(term.term()));
            }
        }
        var patterns = new HashMap<String, Pattern>();
        signals.forEach((signal, quoted) -> patterns.put(
                signal,
                Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:" + String.join("|", quoted).replace(" ", "\\E\\s+\\Q")
                                + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        return new BrandVocabulary(SOCIAL.with(valences), patterns);
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** The signal keys that brand terms in the text (in lower case, as terms are kept) raise. */
    List<String> signalsIn(String lowerText) {
        return signalTerms.entrySet().stream()
                .filter(entry -> entry.getValue().matcher(lowerText).find())
                .map(Map.Entry::getKey)
                .toList();
    }
}
