package org.heard.replies.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.heard.identity.Role;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A rule as the API takes it: what may be left out, and what is refused with the reason. */
class ApprovalRuleDraftTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRuleReadsWithOnlyANameAConditionAndAStep() {
        var draft = json.readValue("""
                {"name": " Refunds ", "conditions": {"terms": ["refund"]}, "steps": [{"role": "SUPERVISOR"}]}
                """, ApprovalRuleDraft.class);

        assertThat(draft.name()).isEqualTo("Refunds");
        assertThat(draft.enabled()).isTrue();
        assertThat(draft.conditions().publicOnly()).isFalse();
        assertThat(draft.conditions().terms()).containsExactly("refund");
        assertThat(draft.steps()).containsExactly(new ApprovalStep(Role.SUPERVISOR, List.of()));
    }

    @Test
    void aStepNamesARoleOrPeopleButNotBothAndNeverAgents() {
        assertThatThrownBy(() -> new ApprovalStep(null, List.of()))
                .hasMessageContaining("either a role")
                .isInstanceOf(Refused.class);
        assertThatThrownBy(() -> new ApprovalStep(Role.ADMIN, List.of(3L))).hasMessageContaining("either a role");
        assertThatThrownBy(() -> new ApprovalStep(Role.AGENT, List.of())).hasMessageContaining("not by every agent");
    }

    @Test
    void aRuleHasOneToThreeSteps() {
        var step = new ApprovalStep(Role.SUPERVISOR, null);
        assertThatThrownBy(() -> new ApprovalRuleDraft("None", true, null, List.of()))
                .hasMessageContaining("one to three steps");
        assertThatThrownBy(() -> new ApprovalRuleDraft("Four", true, null, List.of(step, step, step, step)))
                .hasMessageContaining("has 4");
        assertThatThrownBy(() -> new ApprovalRuleDraft(" ", true, null, List.of(step)))
                .hasMessageContaining("Name the rule");
    }
}
