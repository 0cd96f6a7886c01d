package org.heard.conversations.internal;

import java.time.Instant;
import org.heard.conversations.HeldReplies;
import org.heard.conversations.ReplyVerdict;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Releases, hands back or withdraws replies held for approval or scheduled for later. */
@Service
class WaitingReplies implements HeldReplies {

    private final Inbox inbox;
    private final Messages messages;
    private final ReplyChecks replyChecks;

    WaitingReplies(Inbox inbox, Messages messages, ReplyChecks replyChecks) {
        this.inbox = inbox;
        this.messages = messages;
        this.replyChecks = replyChecks;
    }

    @Override
    public void release(long messageId, @Nullable String editedText) {
        inbox.inTransaction(() -> {
            var message = waiting(messageId);
            var conversation = inbox.conversation(message.conversationId());
            var text = editedText == null || editedText.isBlank() ? message.text() : editedText.strip();
            inbox.checkedReplyTarget(conversation, text, message.visibility(), false);
            // Approval is given; every other check still stands for the words that go out.
            var verdict = replyChecks.verdict(
                    conversation, message.authorUserId(), text, message.visibility(), message.scheduledFor(), true);
            if (verdict instanceof ReplyVerdict.Hold(var reason)) {
                message.rewrite(text);
                message.hold(reason, message.scheduledFor());
                return inbox.changed(conversation);
            }
            var now = Instant.now();
            if (message.scheduledFor() != null && message.scheduledFor().isAfter(now)) {
                message.rewrite(text);
                message.schedule(message.scheduledFor());
                return inbox.changed(conversation);
            }
            message.release(text, now);
            inbox.goOut(conversation, message, null);
            return conversation;
        });
    }

    @Override
    public void sendBack(long messageId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Say what to change before sending the reply back.");
        }
        inbox.inTransaction(() -> {
            var message = waiting(messageId);
            message.sendBack(comment.strip());
            return inbox.changed(inbox.conversation(message.conversationId()));
        });
    }

    @Override
    public void cancel(long messageId) {
        inbox.inTransaction(() -> {
            var message = waiting(messageId);
            message.cancel();
            return inbox.changed(inbox.conversation(message.conversationId()));
        });
    }

    @Override
    public String text(long messageId) {
        return waiting(messageId).text();
    }

    private Message waiting(long messageId) {
        var message = messages.findById(messageId)
                .orElseThrow(() -> new IllegalArgumentException("There is no reply " + messageId + "."));
        if (!message.deliveryState().waiting()) {
            throw new IllegalArgumentException("This reply is not waiting any more: it is "
                    + message.deliveryState().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return message;
    }
}
