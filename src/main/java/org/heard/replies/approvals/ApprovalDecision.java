package org.heard.replies.approvals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: who decided what about a held reply, at which step, and how its text read
 * before and after.
 *
 * @param step the step decided, from 1 as people count
 * @param decision APPROVED, RETURNED or WITHDRAWN
 * @param comment what the approver told the author when sending it back
 */
public record ApprovalDecision(
        long id,
        long messageId,
        long conversationId,
        int step,
        String decision,
        long actorId,
        String actorName,
        @Nullable String comment,
        String textBefore,
        String textAfter,
        Instant at) {

    public boolean edited() {
        return !textBefore.equals(textAfter);
    }
}
