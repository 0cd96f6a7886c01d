package org.heard.conversations.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.heard.conversations.HeldReplies;
import org.heard.conversations.ReplyVerdict;
import org.heard.conversations.ReplyWithdrawn;
import org.heard.conversations.WaitingReply;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Releases, hands back or withdraws replies held for approval or scheduled for later. */
@Service
class WaitingReplies implements HeldReplies {

    private final Inbox inbox;
    private final Messages messages;
    private final ReplyChecks replyChecks;
    private final WaitingReplyReader reader;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WaitingReplies(
            Inbox inbox,
            Messages messages,
            ReplyChecks replyChecks,
            WaitingReplyReader reader,
            ApplicationEventPublisher events,
            Clock clock) {
        this.inbox = inbox;
        this.messages = messages;
        this.replyChecks = replyChecks;
        this.reader = reader;
        this.events = events;
        this.clock = clock;
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
            var now = clock.instant();
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
    public void sendBack(long messageId, long byUserId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new Refused("Say what to change before sending the reply back.");
        }
        inbox.inTransaction(() -> {
            var message = waiting(messageId);
            message.sendBack(comment.strip(), byUserId);
            return inbox.changed(inbox.conversation(message.conversationId()));
        });
    }

    @Override
    public void cancel(long messageId, long byUserId) {
        inbox.inTransaction(() -> {
            var message = waiting(messageId);
            message.cancel();
            events.publishEvent(new ReplyWithdrawn(message.conversationId(), messageId, byUserId));
            return inbox.changed(inbox.conversation(message.conversationId()));
        });
    }

    @Override
    public String text(long messageId) {
        return waiting(messageId).text();
    }

    @Override
    @Transactional(readOnly = true)
    public WaitingReply find(long messageId) {
        return reader.withThread(teamReply(messageId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<WaitingReply> scheduled() {
        return reader.list(messages.findScheduled());
    }

    private Message waiting(long messageId) {
        var message = teamReply(messageId);
        if (!message.deliveryState().waiting()) {
            throw new Refused("This reply is not waiting any more: it is "
                    + message.deliveryState().name().toLowerCase(Locale.ROOT) + ".");
        }
        return message;
    }

    private Message teamReply(long messageId) {
        return messages.findById(messageId)
                .filter(m -> m.direction() == Direction.OUTBOUND)
                .orElseThrow(() -> new Refused("There is no reply " + messageId + "."));
    }
}
