package org.heard.replies.approvals;

import java.util.List;
import org.heard.platform.Refused;

/**
 * A rule as a supervisor writes it: a name, when it applies, and one to three steps of approval.
 *
 * @param enabled whether it catches replies now; null means on
 */
public record ApprovalRuleDraft(String name, Boolean enabled, ApprovalConditions conditions, List<ApprovalStep> steps) {

    public static final int MAX_STEPS = 3;

    public ApprovalRuleDraft {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new Refused("Name the rule, so approvers and agents read why a reply waits.");
        }
        if (name.length() > 120) {
            throw new Refused("Keep the rule's name under 120 characters.");
        }
        enabled = enabled == null || enabled;
        conditions = conditions == null ? new ApprovalConditions(null, null, null, false, null) : conditions;
        steps = steps == null ? List.of() : List.copyOf(steps);
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            throw new Refused("A rule has one to three steps of approval; this one has " + steps.size() + ".");
        }
    }
}
