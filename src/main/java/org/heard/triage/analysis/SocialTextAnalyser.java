package org.heard.triage.analysis;

import java.util.List;
import java.util.Locale;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.TextAnalyser;
import org.heard.triage.Urgency;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a customer's message the way a care agent would: VADER's lexicon and rules (Hutto and Gilbert
 * 2014) tuned for social customer care — emoji, slang, stretched words, a whole message in capitals,
 * sarcasm cues, the company's own terms — plus the signals that decide urgency, whether the customer
 * complains, and the language. Rules rather than a model: every result can be explained to an agent
 * from the words of the message, it needs no training data, and it reads thousands of messages a
 * second on one core. See docs/adr/0006-message-analyser.md.
 */
@Component
public class SocialTextAnalyser implements TextAnalyser {

    /** VADER's thresholds: a compound score at or below -0.05 is negative, at or above 0.05 positive. */
    static final double THRESHOLD = 0.05;

    /** A complaint this negative needs a person soon even without a named signal. */
    static final double STRONGLY_NEGATIVE = -0.6;

    /** The score of a complaint whose words carry no negative feeling of their own. */
    static final double PROBLEM_TOLD_CALMLY = -0.3;

    private static final Logger log = LoggerFactory.getLogger(SocialTextAnalyser.class);
    private static final Analysis UNREADABLE = new Analysis(Sentiment.NEUTRAL, 0, false, Urgency.NONE, List.of(), null);

    private final CurrentBrandTerms brandTerms;
    private final LanguageGuess languages = new LanguageGuess();

    public SocialTextAnalyser(CurrentBrandTerms brandTerms) {
        this.brandTerms = brandTerms;
    }

    @Override
    public Analysis analyse(String text) {
        return analyse(text, null);
    }

    /**
     * Reads the message as {@link #analyse(String)} does, but with a complaint verdict given from elsewhere
     * (the sentence model's, {@link ComplaintModel}): sentiment, signals and urgency follow that verdict as
     * they follow the lexicon's own.
     *
     * @param complaint the verdict, or {@code null} for the lexicon's
     */
    public Analysis analyse(String text, @Nullable Boolean complaint) {
        try {
            return read(CleanText.of(text), complaint);
        } catch (RuntimeException | StackOverflowError e) {
            // A message must reach the inbox even if Heard cannot read it; an agent reads it instead.
            log.warn("Could not analyse a message of {} characters", text == null ? 0 : text.length(), e);
            return UNREADABLE;
        }
    }

    private Analysis read(String text, @Nullable Boolean verdict) {
        if (text.isEmpty()) {
            return UNREADABLE;
        }
        var vocabulary = brandTerms.vocabulary();
        String read = DeniedTrouble.readAsFine(text);
        String lower = read.toLowerCase(Locale.ROOT);
        var tokens = Tokens.social(read, vocabulary.lexicon());
        boolean capsEmphasis = Tokens.someShouted(tokens) || Tokens.allShouted(tokens);
        double words = new ValenceScorer(vocabulary.lexicon())
                .compound(tokens, read, capsEmphasis, CareSignals.sarcastic(lower));
        var lexicon = ComplaintReading.of(lower, words, vocabulary);
        var reading = verdict == null ? lexicon : lexicon.judged(verdict);
        double score = feeling(words, reading);
        var signals = reading.signals();
        return new Analysis(
                sentiment(score),
                score,
                reading.complaint(),
                urgency(signals, reading.complaint(), score),
                signals,
                languages.of(text));
    }

    // A problem told in calm words is still bad news to the customer; a question about one is not.
    private static double feeling(double words, ComplaintReading reading) {
        if (reading.complaint() && words > -THRESHOLD) {
            return PROBLEM_TOLD_CALMLY;
        }
        return reading.asksOnly() && words < 0 ? 0 : words;
    }

    static Sentiment sentiment(double score) {
        if (score <= -THRESHOLD) {
            return Sentiment.NEGATIVE;
        }
        return score >= THRESHOLD ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
    }

    private static Urgency urgency(List<String> signals, boolean complaint, double score) {
        if (signals.stream().anyMatch(CareSignals.URGENT::contains)) {
            return Urgency.HIGH;
        }
        boolean strong = complaint && score <= STRONGLY_NEGATIVE;
        return !signals.isEmpty() || strong ? Urgency.ELEVATED : Urgency.NONE;
    }
}
