package org.heard.replies.approvals;

import java.util.List;
import java.util.Map;
import org.heard.identity.Colleague;
import org.heard.identity.Role;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Who approves at one step: anyone with a role (supervisors, which includes admins; or admins), or the
 * colleagues named. Never the reply's own author.
 *
 * @param role SUPERVISOR or ADMIN, or null when people are named
 * @param approvers the colleagues who may approve, when no role is given
 */
public record ApprovalStep(@Nullable Role role, List<Long> approvers) {

    public ApprovalStep {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        if (role == Role.AGENT) {
            throw new Refused(
                    "A step is approved by supervisors, by admins, or by colleagues you name; not by every agent.");
        }
        if ((role == null) == approvers.isEmpty()) {
            throw new Refused(
                    "Each step names either a role (supervisors or admins) or the colleagues who approve it.");
        }
    }

    /** Whether this colleague may decide at this step (the author is excluded elsewhere). */
    public boolean allows(Colleague colleague) {
        if (role != null) {
            return colleague.role() == Role.ADMIN || colleague.role() == role;
        }
        return approvers.contains(colleague.id());
    }

    /** "Supervisors", "Admins", "Ana or Ben". */
    public String describe(Map<Long, String> names) {
        if (role != null) {
            return role == Role.ADMIN ? "Admins" : "Supervisors";
        }
        return String.join(
                " or ",
                approvers.stream()
                        .map(id -> names.getOrDefault(id, "colleague #" + id))
                        .toList());
    }
}
