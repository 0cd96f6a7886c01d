package org.heard.conversations.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.heard.channels.Channels;
import org.heard.channels.ComposerRules;
import org.heard.channels.MessageTemplate;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Outbox;
import org.heard.channels.SendFailed;
import org.heard.channels.TemplateChoice;
import org.heard.channels.Templates;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.ReplyHeld;
import org.heard.conversations.ReplyVerdict;
import org.heard.conversations.TeamReplied;
import org.heard.identity.Colleagues;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What agents do to conversations: reply, assign, change status and write notes. */
@Service
public class Inbox {

    /** How many conversations one change to several may touch. */
    public static final int MOST_AT_ONCE = 200;

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final Conversations conversations;
    private final Messages messages;
    private final Identities identities;
    private final Notes notes;
    private final Outbox outbox;
    private final Channels channels;
    private final Colleagues colleagues;
    private final Templates templates;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ReplyChecks replyChecks;
    private final java.time.Clock clock;

    Inbox(
            Conversations conversations,
            Messages messages,
            Identities identities,
            Notes notes,
            Outbox outbox,
            Channels channels,
            Colleagues colleagues,
            Templates templates,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ReplyChecks replyChecks,
            java.time.Clock clock) {
        this.replyChecks = replyChecks;
        this.clock = clock;
        this.templates = templates;
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

    /**
     * Sends one of the account's approved templates, filled in with the agent's values: the only message WhatsApp
     * takes once the customer's 24-hour window has closed. The template is looked up on the network first, so a
     * template removed or a value missing is refused here, not after.
     */
    public Message replyWithTemplate(
            long conversationId, long userId, String name, String language, List<String> values) {
        var conversation = conversation(conversationId);
        List<MessageTemplate> approved;
        try {
            approved = templates.approved(conversation.channel(), conversation.account());
        } catch (SendFailed e) {
            throw new Refused("Heard cannot list the approved templates now: " + e.getMessage());
        }
        var template = approved.stream()
                .filter(t -> t.name().equals(name) && t.language().equals(language))
                .findFirst()
                .orElseThrow(() ->
                        new Refused("There is no approved template " + name + " (" + language + ") for this account."));
        var text = template.fill(values);
        var draft = new ReplyDraft(text, Visibility.PRIVATE, template.choose(values));
        return inTransaction(() -> replyOnce(conversationId, userId, draft));
    }

    private Message replyOnce(long conversationId, long userId, ReplyDraft draft) {
        var conversation = conversation(conversationId);
        draft = replyChecks.finished(conversation, userId, draft);
        var replyTo = checkedReplyTarget(conversation, draft.text(), draft.visibility(), draft.template() != null);
        var sendAt = draft.sendAt() != null && draft.sendAt().isAfter(clock.instant()) ? draft.sendAt() : null;
        var verdict = replyChecks.verdict(conversation, userId, draft.text(), draft.visibility(), sendAt, false);
        var message = messages.save(Message.outbound(conversation, userId, draft.text(), draft.visibility(), replyTo));
        if (verdict instanceof ReplyVerdict.Hold(var reason)) {
            message.hold(reason, sendAt);
            events.publishEvent(new ReplyHeld(
                    conversationId,
                    message.id(),
                    userId,
                    conversation.channel(),
                    message.visibility(),
                    message.text(),
                    reason,
                    sendAt));
            changed(conversation);
            return message;
        }
        if (sendAt != null) {
            message.schedule(sendAt);
            changed(conversation);
            return message;
        }
        goOut(conversation, message, draft.template());
        return message;
    }

    /** Sends a stored reply now: the conversation moves on and the outbox takes it. */
    void goOut(Conversation conversation, Message message, @Nullable TemplateChoice template) {
        boolean first = conversation.firstResponseAt() == null;
        conversation.teamReplied(message.text(), message.sentAt());
        send(conversation, message, template);
        events.publishEvent(new TeamReplied(
                conversation.id(), message.id(), message.authorUserId(), false, first, message.sentAt()));
    }

    /**
     * Sends an automated reply in the conversation's own visibility, in the caller's transaction. It
     * moves the conversation's latest message on, but leaves its status and first response alone.
     */
    Message replyAutomatically(long conversationId, String text) {
        var conversation = conversation(conversationId);
        var replyTo = checkedReplyTarget(conversation, text, conversation.visibility(), false);
        var message = messages.save(Message.automated(conversation, text, conversation.visibility(), replyTo));
        conversation.teamRepliedAutomatically(text, message.sentAt());
        send(conversation, message);
        events.publishEvent(new TeamReplied(conversationId, message.id(), null, true, false, message.sentAt()));
        return message;
    }

    /**
     * Why a private message cannot be sent in this conversation now, or null: the network's messaging window,
     * counted from the customer's last message, has closed.
     */
    @Nullable
    String privateWindowClosed(Conversation conversation, ComposerRules rules, Instant now) {
        return rules.privateMessageClosed(
                conversation.visibility() == Visibility.PUBLIC, conversation.lastCustomerMessageAt(), now);
    }

    /**
     * Checks the channel's rules for a reply and finds the customer's message it answers: for a public reply their
     * latest public post in the thread; for a private one their latest message, where the network's private
     * messages can answer one (mail threads, quoted chat messages), else none.
     */
    @Nullable
    String checkedReplyTarget(Conversation conversation, String text, Visibility visibility, boolean template) {
        if (!channels.connected(conversation.channel())) {
            throw new Refused("Heard is not connected to " + conversation.channel()
                    + " any more, so this reply cannot be sent; an admin can connect it again.");
        }
        var rules = channels.rules(conversation.channel(), conversation.account());
        int length = rules.length(text);
        if (length > rules.maxLength()) {
            throw new Refused("This reply has " + length + " characters; " + conversation.channel() + " allows "
                    + rules.maxLength() + ". Shorten it or split it in two.");
        }
        if (visibility == Visibility.PUBLIC) {
            if (conversation.visibility() == Visibility.PRIVATE) {
                throw new Refused(
                        "This is a private conversation; a public reply would have no post to answer. Reply privately.");
            }
            return messages.findLatestPublicFromCustomer(conversation.id())
                    .map(Message::externalId)
                    .orElse(null);
        }
        if (conversation.visibility() == Visibility.PUBLIC && !rules.privateReplyToPublicPost()) {
            throw new Refused(conversation.channel() + " does not let the brand message a customer privately first.");
        }
        var closed = privateWindowClosed(conversation, rules, Instant.now());
        var window =
                conversation.visibility() == Visibility.PUBLIC ? rules.privateReplyWindow() : rules.privateWindow();
        if (closed != null && !(template && window != null && window.templates())) {
            throw new Refused(closed);
        }
        if (template && (window == null || !window.templates())) {
            throw new Refused(conversation.channel() + " has no approved templates to send.");
        }
        return rules.privateThreading() ? latestFromCustomer(conversation) : null;
    }

    private @Nullable String latestFromCustomer(Conversation conversation) {
        return messages.findLatestFromCustomer(conversation.id(), conversation.channel(), conversation.account())
                .map(Message::externalId)
                .orElse(null);
    }

    /**
     * Puts a stored reply in the outbox on the message's own channel and account; a private one goes to
     * the profile the conversation has at this moment.
     */
    void send(Conversation conversation, Message message) {
        send(conversation, message, null);
    }

    private void send(Conversation conversation, Message message, @Nullable TemplateChoice template) {
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
                message.visibility() == Visibility.PRIVATE ? recipient : null,
                template,
                messages.findLatestCorrelation(conversation.id()).orElse(null)));
        changed(conversation);
    }

    public Conversation assign(long conversationId, @Nullable Long assigneeId) {
        return inTransaction(() -> assignOnce(conversationId, assigneeId));
    }

    private Conversation assignOnce(long conversationId, @Nullable Long assigneeId) {
        if (assigneeId != null) {
            colleagues.find(assigneeId).orElseThrow(() -> new Refused("There is no colleague " + assigneeId + "."));
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
            throw new Refused("Write the note before saving it.");
        }
        var conversation = conversation(conversationId);
        var note = notes.save(new Note(conversation.id(), userId, text.strip()));
        changed(conversation);
        return note;
    }

    /** Adds tags an agent typed ("refund, #late"); refuses what cannot be a tag. */
    public Conversation tag(long conversationId, Collection<String> written) {
        return tagWith(conversationId, Tags.read(written));
    }

    /** Tags several conversations alike; what was typed is read once, and the tags as Heard keeps them are told back. */
    public Tagged tagEach(Collection<Long> conversationIds, Collection<String> written) {
        var tags = Tags.read(written);
        return new Tagged(toEach(conversationIds, id -> tagWith(id, tags)), tags);
    }

    /** How many conversations a change to several tagged, and with which tags. */
    public record Tagged(int changed, List<String> tags) {}

    private Conversation tagWith(long conversationId, List<String> tags) {
        return inTransaction(() -> {
            var conversation = conversation(conversationId);
            conversation.tag(tags);
            return changed(conversation);
        });
    }

    /** Takes a tag off the conversation; a tag it does not have changes nothing. */
    public Conversation untag(long conversationId, String tag) {
        return inTransaction(() -> {
            var conversation = conversation(conversationId);
            return conversation.untag(tag) ? changed(conversation) : conversation;
        });
    }

    /**
     * Does the same to several conversations, each in its own transaction, as if the agent had done it to each in turn:
     * one that is gone or refuses is skipped, the others change. Says how many changed; when none did, says why the
     * first refused.
     */
    public int toEach(Collection<Long> conversationIds, Consumer<Long> action) {
        if (conversationIds.isEmpty()) {
            throw new Refused("Select the conversations to change first.");
        }
        if (conversationIds.size() > MOST_AT_ONCE) {
            throw new Refused(
                    "Up to " + MOST_AT_ONCE + " conversations change at once; select fewer and do the rest after.");
        }
        var changed = 0;
        RuntimeException firstRefusal = null;
        for (var id : new LinkedHashSet<>(conversationIds)) {
            try {
                action.accept(id);
                changed++;
            } catch (ConversationNotFound | Refused | IllegalStateException e) {
                log.info("Left conversation {} as it was in a change to several: {}", id, e.getMessage());
                firstRefusal = firstRefusal == null ? e : firstRefusal;
            }
        }
        if (changed == 0 && firstRefusal != null) {
            throw firstRefusal;
        }
        return changed;
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
            throw new Refused("Only a reply that failed can be sent again.");
        }
        message.retrying();
        changed(conversation(conversationId));
        return message;
    }

    /**
     * Runs an agent's action in its own transaction, again if the conversation changed underneath it
     * (a customer's message threaded at the same moment): the action does not depend on what it read.
     */
    <T> T inTransaction(Supplier<T> action) {
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

    Conversation conversation(long id) {
        return conversations.findById(id).orElseThrow(() -> new ConversationNotFound("conversation " + id));
    }

    Conversation changed(Conversation conversation) {
        var saved = conversations.save(conversation);
        events.publishEvent(saved.changed());
        return saved;
    }
}
