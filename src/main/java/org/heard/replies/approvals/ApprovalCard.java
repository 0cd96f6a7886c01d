package org.heard.replies.approvals;

import java.util.List;
import org.heard.conversations.WaitingReply;
import org.jspecify.annotations.Nullable;

/**
 * A reply waiting for approval as an approver reads it: the conversation that led to it, who wrote it, the
 * rule and the step it waits at.
 *
 * @param steps each step's approvers, in order ("Supervisors", "Ana or Ben")
 * @param whyNot why the reader may not decide it now, or null if they may
 */
public record ApprovalCard(
        ApprovalRequest request,
        WaitingReply reply,
        String authorName,
        List<String> steps,
        @Nullable String whyNot) {

    public String stepText() {
        return "Step " + (request.step() + 1) + " of " + steps.size() + ": " + steps.get(request.step());
    }
}
