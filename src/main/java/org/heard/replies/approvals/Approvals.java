package org.heard.replies.approvals;

import java.util.List;
import org.heard.conversations.HeldReplies;
import org.heard.conversations.ReplyHeld;
import org.heard.conversations.ReplyWithdrawn;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies waiting for approval, step by step: a held reply gets a request with its rule's steps; each step is
 * approved by someone it allows, never the author, and one person approves one step. The last approval
 * releases the reply, with the approvers' edits; sending back hands it to its author with a comment. Every
 * decision goes in the audit trail.
 */
@Service
public class Approvals {

    private final ApprovalCheck check;
    private final ApprovalRequests requests;
    private final HeldReplies held;
    private final Colleagues colleagues;
    private final ApprovalsLive live;

    Approvals(
            ApprovalCheck check,
            ApprovalRequests requests,
            HeldReplies held,
            Colleagues colleagues,
            ApprovalsLive live) {
        this.check = check;
        this.requests = requests;
        this.held = held;
        this.colleagues = colleagues;
        this.live = live;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void held(ReplyHeld event) {
        check.caught(event).ifPresent(rule -> {
            requests.open(
                    rule,
                    event.messageId(),
                    event.conversationId(),
                    event.userId(),
                    event.text(),
                    event.channel(),
                    event.visibility() == org.heard.channels.Visibility.PUBLIC,
                    event.sendAt());
            live.changed();
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void withdrawn(ReplyWithdrawn event) {
        requests.lock(event.messageId()).filter(ApprovalRequest::waiting).ifPresent(request -> {
            var actor = colleagues.find(event.byUserId()).orElseThrow();
            requests.decided(request, "WITHDRAWN", actor, null, request.text());
            requests.close(request.id(), "WITHDRAWN", request.text());
            live.changed();
        });
    }

    /**
     * Approves the step the reply waits at, with the approver's edits if any; the last step sends it.
     *
     * @param editedText the approver's version of the reply, or null or blank to keep it as it reads
     */
    @Transactional
    public ApprovalRequest approve(long messageId, Colleague approver, @Nullable String editedText) {
        var request = decidable(messageId, approver);
        var text = editedText == null || editedText.isBlank() ? request.text() : editedText.strip();
        requests.decided(request, "APPROVED", approver, null, text);
        if (request.lastStep()) {
            requests.close(request.id(), "APPROVED", text);
            held.release(messageId, text);
        } else {
            requests.advance(request.id(), text);
        }
        live.changed();
        return requests.find(messageId).orElseThrow();
    }

    /** Hands the reply back to its author with a comment saying what to change; it is not sent. */
    @Transactional
    public ApprovalRequest sendBack(long messageId, Colleague approver, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new Refused("Say what to change before sending the reply back.");
        }
        var request = decidable(messageId, approver);
        requests.decided(request, "RETURNED", approver, comment.strip(), request.text());
        requests.close(request.id(), "RETURNED", request.text());
        held.sendBack(messageId, approver.id(), comment.strip());
        live.changed();
        return requests.find(messageId).orElseThrow();
    }

    /** Requests whose current step this colleague may decide, oldest first. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> waitingFor(Colleague colleague) {
        return requests.waiting().stream()
                .filter(r -> whyNot(r, colleague) == null)
                .toList();
    }

    /** Every request still waiting, oldest first. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> waiting() {
        return requests.waiting();
    }

    @Transactional(readOnly = true)
    public List<ApprovalDecision> decisions(@Nullable Long messageId, int limit) {
        return requests.decisions(messageId, limit);
    }

    private ApprovalRequest decidable(long messageId, Colleague approver) {
        var request = requests.lock(messageId)
                .orElseThrow(() -> new Refused("Reply " + messageId + " waits for no approval."));
        if (!request.waiting()) {
            throw new Refused("This reply no longer waits for approval: it was "
                    + request.status().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        var refusal = whyNot(request, approver);
        if (refusal != null) {
            throw new Refused(refusal);
        }
        return request;
    }

    /** Why this colleague may not decide the step the request waits at, or null if they may. */
    @Nullable
    String whyNot(ApprovalRequest request, Colleague colleague) {
        if (request.authorId() == colleague.id()) {
            return "You wrote this reply; someone else approves it.";
        }
        if (!request.currentStep().allows(colleague)) {
            return "Step " + (request.step() + 1) + " of this reply is approved by someone else.";
        }
        if (requests.approvers(request.id()).contains(colleague.id())) {
            return "You approved an earlier step of this reply; someone else approves the next.";
        }
        return null;
    }
}
