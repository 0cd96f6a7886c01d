package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.heard.triage.priority.Priority;
import org.heard.triage.priority.ServiceLevelState;
import org.junit.jupiter.api.Test;

class PriorityTests {

    private static Analysis analysis(Sentiment sentiment, double score, boolean complaint, Urgency urgency) {
        return new Analysis(sentiment, score, complaint, urgency, List.of(), "en");
    }

    @Test
    void anAngryUrgentComplaintOutranksAThankYouAndSaysWhy() {
        var charged = Priority.needs(
                analysis(Sentiment.NEGATIVE, -0.8, true, Urgency.HIGH), List.of("charged-twice", "refund"));
        var thanks = Priority.needs(analysis(Sentiment.POSITIVE, 0.7, false, Urgency.NONE), List.of());

        assertThat(charged.score()).isEqualTo(30 + 16 + 30);
        assertThat(charged.reason()).isEqualTo("complaint · negative (-0.80) · urgent: charged twice, refund");
        assertThat(charged.level()).isEqualTo("urgent");
        assertThat(thanks.score()).isZero();
        assertThat(thanks.reason()).isEqualTo("no complaint or urgency seen");
        assertThat(thanks.level()).isEqualTo("low");
    }

    @Test
    void comingBackAboutTheSameProblemRaisesPriority() {
        var first = Priority.needs(analysis(Sentiment.NEUTRAL, 0, true, Urgency.NONE), List.of());
        var again = Priority.needs(analysis(Sentiment.NEUTRAL, 0, true, Urgency.NONE), List.of("repeated-contact"));

        assertThat(again.score()).isGreaterThan(first.score());
        assertThat(again.reason()).contains("has written to us before about this");
    }

    @Test
    void aCalmerFollowUpDoesNotLowerAnOpenComplaint() {
        var complaint = Priority.needs(analysis(Sentiment.NEGATIVE, -0.5, true, Urgency.ELEVATED), List.of());
        var followUp = Priority.needs(analysis(Sentiment.NEUTRAL, 0, false, Urgency.NONE), List.of());

        assertThat(complaint.atLeast(followUp)).isEqualTo(complaint);
        assertThat(followUp.atLeast(complaint)).isEqualTo(complaint);
    }

    @Test
    void aRuleRaisesToItsFloorAndAMissedServiceLevelRaisesFurther() {
        var needs = Priority.needs(analysis(Sentiment.NEUTRAL, 0, false, Urgency.NONE), List.of());

        var ruled = Priority.of(needs, 60, "rule: outage keywords", ServiceLevelState.ON_TIME, null);
        var late = Priority.of(needs, 60, "rule: outage keywords", ServiceLevelState.BREACHED, "first response");
        var soon = Priority.of(needs, null, null, ServiceLevelState.WARNING, "first response");

        assertThat(ruled.score()).isEqualTo(60);
        assertThat(ruled.reason()).endsWith("rule: outage keywords");
        assertThat(late.score()).isEqualTo(80);
        assertThat(late.reason()).endsWith("first response overdue");
        assertThat(soon.score()).isEqualTo(10);
        assertThat(soon.reason()).endsWith("first response due soon");
    }

    @Test
    void aFloorBelowWhatTheCustomerNeedsChangesNothing() {
        var needs = Priority.needs(analysis(Sentiment.NEGATIVE, -1, true, Urgency.HIGH), List.of());

        var priority = Priority.of(needs, 30, "rule: low", ServiceLevelState.BREACHED, "resolution");

        assertThat(priority.score()).isEqualTo(100);
        assertThat(priority.reason()).doesNotContain("rule: low");
    }
}
