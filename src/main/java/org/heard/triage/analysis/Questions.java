package org.heard.triage.analysis;

import java.util.regex.Pattern;

/**
 * Questions against problems. "How do I change my address?" asks for information: the refund, outage
 * or fault it names is its subject, not something that happened. "Why has my parcel not arrived??"
 * asks for a fix. A sentence is a plain question when it asks (a question mark, or a question word
 * first) without a complaint's question ("why", "where is my", "is anyone going to…") or an
 * exasperated "??". What follows "if" describes what might happen, not what did. "Can't log in since
 * this morning" opens with "can" but states, it does not ask.
 */
final class Questions {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?\\n]*\\s*");
    private static final Pattern OPENER = Pattern.compile("^(?:\\s*(?:@\\S+|hi|hey|hello|hiya|quick question|question"
            + "|just wondering|wondering|please|pls|ok|so|and)[,:!-]?)*\\s*(?:how|what|what'?s|when|where|which|who"
            + "|can|could|do|does|did|is|are|will|would|should|any|if|may|might|have you|has)(?![\\p{L}\\p{N}'’])");
    private static final Pattern CONDITION =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?:if|in case)(?![\\p{L}\\p{N}])[^,.;!?]*");

    private Questions() {}

    /** The statements of the text (in lower case), with plain questions and conditions left out. */
    static String statements(String lowerText, Pattern complaintQuestion) {
        var out = new StringBuilder(lowerText.length());
        var sentences = SENTENCE.matcher(lowerText);
        while (sentences.find()) {
            String sentence = sentences.group();
            boolean question =
                    sentence.strip().endsWith("?") || OPENER.matcher(sentence).find();
            boolean exasperated = sentence.contains("??") || sentence.contains("?!");
            if (!question || exasperated || complaintQuestion.matcher(sentence).find()) {
                out.append(sentence);
            }
        }
        return withoutConditions(out.toString());
    }

    /** The text (in lower case) without what follows "if": a possibility, not an event. */
    static String withoutConditions(String lowerText) {
        return CONDITION.matcher(lowerText).replaceAll(" ");
    }
}
