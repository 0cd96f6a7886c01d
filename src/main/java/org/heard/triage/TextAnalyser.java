package org.heard.triage;

/**
 * Reads a customer's message. Kept behind this interface so that a trained model can replace the
 * lexicon-and-rules analyser without touching priority, rules or routing.
 */
public interface TextAnalyser {

    /** Analyses any text, including empty, huge, binary or emoji-only text, without throwing. */
    Analysis analyse(String text);
}
