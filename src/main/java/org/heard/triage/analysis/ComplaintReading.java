package org.heard.triage.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a message complains, read from what it still states: the part after the last resolution
 * ({@link Resolution}), without plain questions and conditions ({@link Questions}), after denied
 * trouble reads as "fine" ({@link DeniedTrouble}). It complains when that part makes a problem
 * statement, raises a signal, uses a complaint phrase, or — when the customer neither asks nor
 * reports a resolution — reads negative.
 *
 * @param signals the signals of what the customer states, none for praise and plain questions
 * @param asksOnly whether the message only asks plain questions
 * @param statedSignals the signals of what the customer states, whatever the verdict
 */
record ComplaintReading(boolean complaint, List<String> signals, boolean asksOnly, List<String> statedSignals) {

    private static final Pattern COMPLAINT_QUESTION = ProblemStatements.of("complaint-question");

    // Signals that name a subject rather than a trouble: after a resolution they are what was resolved.
    private static final Set<String> SUBJECTS = Set.of("refund", "cancelled");

    // Problem statements that a question does not turn into a question: "can someone call me back,
    // I've been waiting 4 days" still says the customer has waited.
    private static final Set<String> ASKED_STILL_TOLD =
            Set.of("not-happened", "goes-on", "contradiction", "never-finishes", "complaint-question");

    static ComplaintReading of(String lowerText, double score, BrandVocabulary vocabulary) {
        String unresolved = Resolution.unresolvedPart(lowerText);
        boolean resolved = !unresolved.equals(lowerText);
        String stated = Questions.statements(unresolved, COMPLAINT_QUESTION);
        var signals = signals(stated, vocabulary);
        boolean subjectsOnly = SUBJECTS.containsAll(signals);
        boolean untouched = stated.strip().equals(lowerText.strip());
        boolean asked = ProblemStatements.in(Questions.withoutConditions(unresolved)).stream()
                .anyMatch(ASKED_STILL_TOLD::contains);
        boolean complaint = asked
                || !ProblemStatements.in(stated).isEmpty()
                || (!signals.isEmpty() && !(resolved && subjectsOnly))
                || CareSignals.complains(stated)
                || (untouched && score <= -SocialTextAnalyser.THRESHOLD);
        return new ComplaintReading(complaint, complaint ? signals : List.of(), !resolved && stated.isBlank(), signals);
    }

    /** The same reading with another's verdict: a complaint keeps the signals of what it states. */
    ComplaintReading judged(boolean verdict) {
        return new ComplaintReading(verdict, verdict ? statedSignals : List.of(), asksOnly, statedSignals);
    }

    private static List<String> signals(String lowerText, BrandVocabulary vocabulary) {
        var found = new LinkedHashSet<>(CareSignals.in(lowerText));
        found.addAll(vocabulary.signalsIn(lowerText));
        var ordered = new ArrayList<>(CareSignals.KEYS);
        ordered.retainAll(found);
        return ordered;
    }
}
