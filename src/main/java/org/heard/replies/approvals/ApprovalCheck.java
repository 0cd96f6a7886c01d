package org.heard.replies.approvals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.heard.conversations.ReplyAttempt;
import org.heard.conversations.ReplyCheck;
import org.heard.conversations.ReplyHeld;
import org.heard.conversations.ReplyVerdict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds a reply that the first enabled approval rule, in order, catches, unless it is already approved. The
 * rule that caught it is remembered for the rest of the transaction, so the approval request made when the
 * reply is stored waits for that rule's steps.
 */
@Component
class ApprovalCheck implements ReplyCheck {

    static final String REASON = "Waits for approval: ";

    private final ApprovalRules rules;

    ApprovalCheck(ApprovalRules rules) {
        this.rules = rules;
    }

    @Override
    public ReplyVerdict check(ReplyAttempt attempt) {
        if (attempt.approved()) {
            return ReplyVerdict.SEND;
        }
        var rule = rules.all().stream()
                .filter(r -> r.enabled() && r.conditions().matches(attempt))
                .findFirst();
        if (rule.isEmpty()) {
            return ReplyVerdict.SEND;
        }
        remember(key(attempt.conversationId(), attempt.userId(), attempt.text()), rule.get());
        return new ReplyVerdict.Hold(REASON + rule.get().name());
    }

    /** The rule that held this reply in the current transaction, if an approval rule held it. */
    Optional<ApprovalRule> caught(ReplyHeld held) {
        @SuppressWarnings("unchecked")
        var memo = (Map<String, ApprovalRule>) TransactionSynchronizationManager.getResource(this);
        return Optional.ofNullable(
                memo == null ? null : memo.get(key(held.conversationId(), held.userId(), held.text())));
    }

    private void remember(String key, ApprovalRule rule) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        var memo = (Map<String, ApprovalRule>) TransactionSynchronizationManager.getResource(this);
        if (memo == null) {
            memo = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ApprovalCheck.this);
                }
            });
        }
        memo.put(key, rule);
    }

    private static String key(long conversationId, long userId, String text) {
        return conversationId + "/" + userId + "/" + text;
    }
}
