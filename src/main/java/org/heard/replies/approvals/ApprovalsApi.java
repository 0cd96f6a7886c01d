package org.heard.replies.approvals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replies waiting for approval, for machines: the same queue, decisions and audit trail as the page. */
@RestController
@RequestMapping("/api/replies/approvals")
@Tag(name = "Reply approvals")
class ApprovalsApi {

    private final Approvals approvals;
    private final ApprovalCards cards;

    ApprovalsApi(Approvals approvals, ApprovalCards cards) {
        this.approvals = approvals;
        this.cards = cards;
    }

    @GetMapping
    @Operation(
            summary = "Replies waiting for approval: by default those you may approve now, with all=true every one",
            description = "Each comes with its conversation's last messages, its author, the rule and its steps,"
                    + " and whyNot: why you may not decide it (you wrote it, another step's approvers decide it).")
    List<ApprovalCard> waiting(
            @RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal SignedInUser me) {
        return cards.forReader(me.asColleague()).stream()
                .filter(card -> all || card.whyNot() == null)
                .toList();
    }

    @PostMapping("/{messageId}/approve")
    @Operation(
            summary = "Approve the step a reply waits at, with your edit of its text if any; the last step sends it"
                    + " (at its scheduled time if that is still ahead)")
    ApprovalRequest approve(
            @PathVariable long messageId,
            @RequestBody(required = false) @Nullable Decision decision,
            @AuthenticationPrincipal SignedInUser me) {
        return approvals.approve(messageId, me.asColleague(), decision == null ? null : decision.text());
    }

    @PostMapping("/{messageId}/send-back")
    @Operation(summary = "Send a reply back to its author with a comment saying what to change; it is not sent")
    ApprovalRequest sendBack(
            @PathVariable long messageId, @RequestBody Decision decision, @AuthenticationPrincipal SignedInUser me) {
        return approvals.sendBack(messageId, me.asColleague(), decision.comment());
    }

    @GetMapping("/decisions")
    @Operation(
            summary = "The audit trail, newest first: who approved, sent back or withdrew which reply, and its"
                    + " text before and after an edit")
    List<ApprovalDecision> decisions(
            @RequestParam(required = false) @Nullable Long messageId, @RequestParam(defaultValue = "100") int limit) {
        return approvals.decisions(messageId, limit);
    }

    /**
     * An approver's decision.
     *
     * @param text the approver's version of the reply, to approve it edited
     * @param comment what to change, to send it back
     */
    record Decision(@Nullable String text, @Nullable String comment) {}
}
