package org.heard.conversations.internal;

import java.util.function.Supplier;
import org.heard.channels.Channels;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Outbox;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.TeamReplied;
import org.heard.identity.Colleagues;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What agents do to conversations: reply, assign, change status and write notes. */
@Service
public class Inbox {

    private final Conversations conversations;
    private final Messages messages;
    private final Identities identities;
    private final Notes notes;
    private final Outbox outbox;
    private final Channels channels;
    private final Colleagues colleagues;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Inbox(
            Conversations conversations,
            Messages messages,
            Identities identities,
            Notes notes,
            Outbox outbox,
            Channels channels,
            Colleagues colleagues,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.messages = messages;
        this.identities = identities;
        this.notes = notes;
        this.outbox = outbox;
        this.channels = channels;
        this.colleagues = colleagues;
        this.events = events;
    }

    /**
     * Stores the reply and its outbox entry in one transaction. A public reply answers the customer's
     * latest public message in the thread; a private one goes to the customer directly.
     */
    public Message reply(long conversationId, long userId, ReplyDraft draft) {
        return inTransaction(() -> replyOnce(conversationId, userId, draft));
    }

    private Message replyOnce(long conversationId, long userId, ReplyDraft draft) {
        var conversation = conversation(conversationId);
        var replyTo = checkedReplyTarget(conversation, draft.text(), draft.visibility());
        var message = messages.save(Message.outbound(conversation, userId, draft.text(), draft.visibility(), replyTo));
        boolean first = conversation.firstResponseAt() == null;
        conversation.teamReplied(draft.text(), message.sentAt());
        send(conversation, message);
        events.publishEvent(new TeamReplied(conversationId, message.id(), userId, false, first, message.sentAt()));
        return message;
    }

    /**
     * Sends an automated reply in the conversation's own visibility, in the caller's transaction. It
     * moves the conversation's latest message on, but leaves its status and first response alone.
     */
    Message replyAutomatically(long conversationId, String text) {
        var conversation = conversation(conversationId);
        var replyTo = checkedReplyTarget(conversation, text, conversation.visibility());
        var message = messages.save(Message.automated(conversation, text, conversation.visibility(), replyTo));
        conversation.teamRepliedAutomatically(text, message.sentAt());
        send(conversation, message);
        events.publishEvent(new TeamReplied(conversationId, message.id(), null, true, false, message.sentAt()));
        return message;
    }

    /** Checks the channel's rules for a reply and finds the customer's post it answers, if public. */
    private @Nullable String checkedReplyTarget(Conversation conversation, String text, Visibility visibility) {
        if (!channels.connected(conversation.channel())) {
            throw new IllegalArgumentException("Heard is not connected to " + conversation.channel()
                    + " any more, so this reply cannot be sent; an admin can connect it again.");
        }
        var rules = channels.rules(conversation.channel());
        int length = rules.length(text);
        if (length > rules.maxLength()) {
            throw new IllegalArgumentException("This reply has " + length + " characters; " + conversation.channel()
                    + " allows " + rules.maxLength() + ". Shorten it or split it in two.");
        }
        if (visibility == Visibility.PUBLIC) {
            if (conversation.visibility() == Visibility.PRIVATE) {
                throw new IllegalArgumentException(
                        "This is a private conversation; a public reply would have no post to answer. Reply privately.");
            }
            return messages.findLatestPublicFromCustomer(conversation.id())
                    .map(Message::externalId)
                    .orElse(null);
        }
        if (conversation.visibility() == Visibility.PUBLIC && !rules.privateReplyToPublicPost()) {
            throw new IllegalArgumentException(
                    conversation.channel() + " does not let the brand message a customer privately first.");
        }
        return null;
    }

    /**
     * Puts a stored reply in the outbox on the message's own channel and account; a private one goes to
     * the profile the conversation has at this moment.
     */
    void send(Conversation conversation, Message message) {
        var recipient =
                identities.findById(conversation.identityId()).orElseThrow().externalId();
        outbox.enqueue(new OutboundMessage(
                message.channel(),
                message.account(),
                "heard-message-" + message.id(),
                message.id(),
                message.text(),
                message.visibility(),
                message.replyToExternalId(),
                message.visibility() == Visibility.PRIVATE ? recipient : null));
        changed(conversation);
    }

    public Conversation assign(long conversationId, @Nullable Long assigneeId) {
        return inTransaction(() -> assignOnce(conversationId, assigneeId));
    }

    private Conversation assignOnce(long conversationId, @Nullable Long assigneeId) {
        if (assigneeId != null) {
            colleagues
                    .find(assigneeId)
                    .orElseThrow(() -> new IllegalArgumentException("There is no colleague " + assigneeId + "."));
        }
        var conversation = conversation(conversationId);
        conversation.assignTo(assigneeId);
        return changed(conversation);
    }

    public Conversation moveTo(long conversationId, ConversationStatus status) {
        return inTransaction(() -> moveToOnce(conversationId, status));
    }

    private Conversation moveToOnce(long conversationId, ConversationStatus status) {
        var conversation = conversation(conversationId);
        conversation.moveTo(status);
        return changed(conversation);
    }

    public Note note(long conversationId, long userId, String text) {
        return inTransaction(() -> noteOnce(conversationId, userId, text));
    }

    private Note noteOnce(long conversationId, long userId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Write the note before saving it.");
        }
        var conversation = conversation(conversationId);
        var note = notes.save(new Note(conversation.id(), userId, text.strip()));
        changed(conversation);
        return note;
    }

    /** Sends a failed reply again, with the same idempotency key. */
    public Message retry(long conversationId, long messageId) {
        return inTransaction(() -> retryOnce(conversationId, messageId));
    }

    private Message retryOnce(long conversationId, long messageId) {
        var message = messages.findById(messageId)
                .filter(m -> m.conversationId() == conversationId)
                .orElseThrow(
                        () -> new ConversationNotFound("message " + messageId + " in conversation " + conversationId));
        if (message.deliveryState() != DeliveryState.FAILED || !outbox.retry(messageId)) {
            throw new IllegalArgumentException("Only a reply that failed can be sent again.");
        }
        message.retrying();
        changed(conversation(conversationId));
        return message;
    }

    /**
     * Runs an agent's action in its own transaction, again if the conversation changed underneath it
     * (a customer's message threaded at the same moment): the action does not depend on what it read.
     */
    private <T> T inTransaction(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> action.get());
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Conversation conversation(long id) {
        return conversations.findById(id).orElseThrow(() -> new ConversationNotFound("conversation " + id));
    }

    private Conversation changed(Conversation conversation) {
        var saved = conversations.save(conversation);
        events.publishEvent(saved.changed());
        return saved;
    }
}
