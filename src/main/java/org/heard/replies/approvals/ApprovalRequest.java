package org.heard.replies.approvals;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A held reply waiting for, or past, its approval.
 *
 * @param step the step it waits at, from 0
 * @param status WAITING, APPROVED, RETURNED or WITHDRAWN
 * @param text the reply as the approvers have it now, with any approver's edits
 * @param sendAt when it is to go out once approved, or null for at once
 */
public record ApprovalRequest(
        long id,
        long messageId,
        long conversationId,
        long authorId,
        String ruleName,
        List<ApprovalStep> steps,
        int step,
        String status,
        String text,
        String channel,
        boolean publicReply,
        @Nullable Instant sendAt,
        Instant createdAt) {

    public boolean waiting() {
        return "WAITING".equals(status);
    }

    public ApprovalStep currentStep() {
        return steps.get(Math.min(step, steps.size() - 1));
    }

    public boolean lastStep() {
        return step >= steps.size() - 1;
    }
}
