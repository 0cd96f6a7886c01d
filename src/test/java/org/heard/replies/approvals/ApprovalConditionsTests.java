package org.heard.replies.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.channels.Visibility;
import org.heard.conversations.ReplyAttempt;
import org.junit.jupiter.api.Test;

/** Which replies an approval rule catches: every condition that is set must hold. */
class ApprovalConditionsTests {

    private static ReplyAttempt reply(long agent, String channel, String queue, Visibility visibility, String text) {
        return new ReplyAttempt(
                1, agent, channel, "brand", Visibility.PUBLIC, visibility, queue, Set.of(), text, null, false);
    }

    private static final ReplyAttempt ANAS_PUBLIC_X_BILLING =
            reply(7, "x", "billing", Visibility.PUBLIC, "Your Refund is on its way.");

    @Test
    void noConditionCatchesEveryReply() {
        var every = new ApprovalConditions(null, null, null, null, null);

        assertThat(every.matches(ANAS_PUBLIC_X_BILLING)).isTrue();
        assertThat(every.describe(Map.of())).containsExactly("Every reply");
    }

    @Test
    void eachConditionAloneCatchesOnlyWhatItNames() {
        assertThat(new ApprovalConditions(List.of(7L), null, null, false, null).matches(ANAS_PUBLIC_X_BILLING))
                .isTrue();
        assertThat(new ApprovalConditions(List.of(8L), null, null, false, null).matches(ANAS_PUBLIC_X_BILLING))
                .isFalse();
        assertThat(new ApprovalConditions(null, List.of("billing"), null, false, null).matches(ANAS_PUBLIC_X_BILLING))
                .isTrue();
        assertThat(new ApprovalConditions(null, List.of("vip"), null, false, null).matches(ANAS_PUBLIC_X_BILLING))
                .isFalse();
        assertThat(new ApprovalConditions(null, List.of("vip"), null, false, null)
                        .matches(reply(7, "x", null, Visibility.PUBLIC, "hi")))
                .isFalse();
        assertThat(new ApprovalConditions(null, null, List.of("X"), false, null).matches(ANAS_PUBLIC_X_BILLING))
                .isTrue();
        assertThat(new ApprovalConditions(null, null, List.of("mastodon"), false, null).matches(ANAS_PUBLIC_X_BILLING))
                .isFalse();
        var publicOnly = new ApprovalConditions(null, null, null, true, null);
        assertThat(publicOnly.matches(ANAS_PUBLIC_X_BILLING)).isTrue();
        assertThat(publicOnly.matches(reply(7, "x", "billing", Visibility.PRIVATE, "hi")))
                .isFalse();
    }

    @Test
    void termsAreWholeWordsOrPhrasesInAnyCase() {
        var terms = new ApprovalConditions(null, null, null, false, List.of("refund", "legal action"));

        assertThat(terms.matches(ANAS_PUBLIC_X_BILLING)).isTrue();
        assertThat(terms.matches(reply(7, "x", null, Visibility.PUBLIC, "No LEGAL ACTION needed")))
                .isTrue();
        assertThat(terms.matches(reply(7, "x", null, Visibility.PUBLIC, "Refunds are processed weekly")))
                .isFalse();
        assertThat(terms.matches(reply(7, "x", null, Visibility.PUBLIC, "legal matters")))
                .isFalse();
    }

    @Test
    void allConditionsThatAreSetMustHold() {
        var conditions = new ApprovalConditions(List.of(7L), List.of("billing"), List.of("x"), true, List.of("refund"));

        assertThat(conditions.matches(ANAS_PUBLIC_X_BILLING)).isTrue();
        assertThat(conditions.matches(reply(7, "x", "billing", Visibility.PRIVATE, "Your refund")))
                .isFalse();
        assertThat(conditions.matches(reply(7, "x", "billing", Visibility.PUBLIC, "Your parcel")))
                .isFalse();
        assertThat(conditions.describe(Map.of(7L, "Ana")))
                .containsExactly("Replies by Ana", "Public replies", "On x", "In queue billing", "Containing “refund”");
    }
}
