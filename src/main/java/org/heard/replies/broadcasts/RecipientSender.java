package org.heard.replies.broadcasts;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.heard.conversations.ConversationReplies;
import org.heard.platform.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sends a broadcast's reply to one recipient. The recipient is claimed, the reply stored in the conversation and
 * its outbox entry written, and the recipient marked, all in one transaction: after a crash either all of it
 * happened or none, and the recipient is sent to once.
 */
@Component
class RecipientSender {

    private static final Logger log = LoggerFactory.getLogger(RecipientSender.class);

    /** Tries for a reply that broke for a passing reason (a clash with another change), before it fails. */
    static final int MAX_ATTEMPTS = 3;

    private final RecipientStore recipients;
    private final BroadcastStore broadcasts;
    private final ConversationReplies replies;
    private final BroadcastText texts;
    private final BroadcastLive live;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RecipientSender(
            RecipientStore recipients,
            BroadcastStore broadcasts,
            ConversationReplies replies,
            BroadcastText texts,
            BroadcastLive live,
            TransactionTemplate transactions,
            Clock clock) {
        this.recipients = recipients;
        this.broadcasts = broadcasts;
        this.replies = replies;
        this.texts = texts;
        this.live = live;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends to the lane's next pending recipient; returns false when no node has one left to take. */
    boolean sendNext(RecipientStore.Lane lane) {
        var taken = new AtomicReference<RecipientStore.Claimed>();
        try {
            boolean sent = Boolean.TRUE.equals(transactions.execute(status -> {
                var claimed = recipients.claim(lane);
                if (claimed.isEmpty()) {
                    return false;
                }
                var recipient = claimed.get();
                taken.set(recipient);
                var text = texts.forRecipient(recipient.text(), recipient.conversationId(), recipient.userId());
                var receipt =
                        replies.reply(recipient.conversationId(), recipient.userId(), text, recipient.visibility());
                recipients.handed(recipient.id(), receipt, clock.instant());
                return true;
            }));
            if (sent) {
                handled(lane.broadcastId());
            }
            return sent;
        } catch (Refused e) {
            // Refused by a check or by the network's rules: nothing was stored, and trying again would not help.
            var recipient = claimedOr(taken, e);
            transactions.executeWithoutResult(
                    status -> recipients.failIfPending(recipient.id(), e.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            var recipient = claimedOr(taken, e);
            log.warn(
                    "Broadcast {} could not reply in conversation {}",
                    lane.broadcastId(),
                    recipient.conversationId(),
                    e);
            var reason = "Heard could not send this reply: "
                    + (e instanceof ResponseStatusException s && s.getReason() != null
                            ? s.getReason()
                            : e.getMessage());
            transactions.executeWithoutResult(
                    status -> recipients.attemptFailed(recipient.id(), reason, MAX_ATTEMPTS, clock.instant()));
        }
        handled(lane.broadcastId());
        return true;
    }

    /** A recipient was handled: the broadcast moved on, and is finished if it was the last one. */
    private void handled(long broadcastId) {
        broadcasts.finishIfDone(broadcastId, clock.instant());
        live.changed(broadcastId);
    }

    private static RecipientStore.Claimed claimedOr(AtomicReference<RecipientStore.Claimed> taken, RuntimeException e) {
        var recipient = taken.get();
        if (recipient == null) {
            throw e;
        }
        return recipient;
    }
}
