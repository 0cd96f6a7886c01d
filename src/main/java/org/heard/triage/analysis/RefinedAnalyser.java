package org.heard.triage.analysis;

import java.util.ArrayList;
import java.util.List;
import org.heard.triage.Analysis;
import org.springframework.stereotype.Component;

/**
 * The second, slower reading of a message: the lexicon's reading, with its complaint verdict checked by
 * the sentence model ({@link ComplaintModel}) and sentiment, signals and urgency following the verdict.
 * Some 5 ms a message on one core, so it runs after the message is committed, never on the hot path
 * (ADR 0015). It reads the text only, as the lexicon does, and leaves a text of fewer than two words (ids,
 * numbers, a lone word) to the lexicon.
 */
@Component
public class RefinedAnalyser {

    private final SocialTextAnalyser lexicon;
    private final CurrentBrandTerms brandTerms;
    private final SentenceVectors vectors;
    private final ComplaintModel model;

    public RefinedAnalyser(SocialTextAnalyser lexicon, CurrentBrandTerms brandTerms, SentenceVectors vectors) {
        this.lexicon = lexicon;
        this.brandTerms = brandTerms;
        this.vectors = vectors;
        this.model = ComplaintModel.shipped();
    }

    /** The refined reading of one message. */
    public Analysis analyse(String text) {
        return analyse(List.of(text)).getFirst();
    }

    /** The refined readings of several messages, in their order; the model reads them as one batch. */
    public List<Analysis> analyse(List<String> texts) {
        // Only texts with words are weighed by the model, so only they are embedded.
        var weighed = texts.stream().filter(ComplaintFeatures::hasWords).toList();
        var vectorsOfWeighed = vectors.of(
                        weighed.stream().map(ComplaintFeatures::modelText).toList())
                .iterator();
        var vocabulary = brandTerms.vocabulary();
        var readings = new ArrayList<Analysis>(texts.size());
        for (String text : texts) {
            var first = lexicon.analyse(text);
            if (!ComplaintFeatures.hasWords(text)) {
                readings.add(first);
                continue;
            }
            double p = model.probability(
                    ComplaintFeatures.of(vectorsOfWeighed.next(), ComplaintFeatures.cues(text, vocabulary)));
            boolean complaint = model.complaint(first.complaint(), p);
            readings.add(complaint == first.complaint() ? first : lexicon.analyse(text, complaint));
        }
        return readings;
    }
}
