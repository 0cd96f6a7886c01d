package org.heard.triage.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.heard.conversations.PriorityLevel;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * How much a conversation matters, from 0 to 100, and why. Built only from what the customer needs —
 * complaint, sentiment, urgency, repeated contact — from supervisors' rules and from the service level;
 * who the customer is (followers, verification, "influence") is not an input and cannot become one.
 * Time waited orders conversations of equal priority, so it need not be scored here.
 */
public record Priority(int score, String reason) {

    static final int COMPLAINT = 30;
    static final int NEGATIVE_MAX = 20;
    static final int URGENT = 30;
    static final int ELEVATED = 15;
    static final int REPEATED = 10;
    static final int SLA_WARNING = 10;
    static final int SLA_BREACHED = 20;

    public Priority {
        score = Math.clamp(score, 0, 100);
    }

    /** What one message says the customer needs. */
    public static Priority needs(Analysis analysis, List<String> signals) {
        int score = 0;
        var why = new ArrayList<String>();
        if (analysis.complaint()) {
            score += COMPLAINT;
            why.add("complaint");
        }
        if (analysis.sentiment() == Sentiment.NEGATIVE) {
            score += (int) Math.round(NEGATIVE_MAX * -analysis.score());
            why.add(String.format(Locale.ROOT, "negative (%.2f)", analysis.score()));
        }
        var urgent = signals.stream().filter(s -> !s.equals("repeated-contact")).toList();
        if (analysis.urgency() != Urgency.NONE) {
            score += analysis.urgency() == Urgency.HIGH ? URGENT : ELEVATED;
            why.add((analysis.urgency() == Urgency.HIGH ? "urgent" : "needs attention")
                    + (urgent.isEmpty() ? "" : ": " + String.join(", ", urgent).replace('-', ' ')));
        }
        if (signals.contains("repeated-contact")) {
            score += REPEATED;
            why.add("has written to us before about this");
        }
        return new Priority(score, why.isEmpty() ? "no complaint or urgency seen" : String.join(" · ", why));
    }

    /** The stronger of two needs: a later, calmer message does not make an open complaint matter less. */
    public Priority atLeast(Priority other) {
        return other.score > score ? other : this;
    }

    /**
     * The conversation's priority: its needs, raised to a rule's floor, plus its service level.
     *
     * @param floor a rule's least priority, or {@code null}
     * @param floorReason the rule's reason, shown when the floor raised the priority
     */
    public static Priority of(
            Priority needs,
            @Nullable Integer floor,
            @Nullable String floorReason,
            ServiceLevelState serviceLevel,
            @Nullable String serviceWhat) {
        int score = needs.score;
        var why = new ArrayList<String>(List.of(needs.reason));
        if (floor != null && floor > score) {
            score = floor;
            why.add(floorReason == null ? "raised by a rule" : floorReason);
        }
        var what = serviceWhat == null ? "response" : serviceWhat.replace('-', ' ');
        switch (serviceLevel) {
            case WARNING -> {
                score += SLA_WARNING;
                why.add(what + " due soon");
            }
            case BREACHED -> {
                score += SLA_BREACHED;
                why.add(what + " overdue");
            }
            case ON_TIME -> {}
        }
        return new Priority(score, String.join(" · ", why));
    }

    /** A word for the level, as the inbox shows it. */
    public String level() {
        return PriorityLevel.of(score).label();
    }
}
