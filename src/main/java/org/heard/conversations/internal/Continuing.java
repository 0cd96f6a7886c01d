package org.heard.conversations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.heard.channels.Channels;
import org.heard.channels.Visibility;
import org.heard.conversations.TeamReplied;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a conversation from public to private, or to another of the customer's profiles on another
 * channel, keeping one history. Where it was, the customer reads a short note of where it continues
 * (publicly in the thread, so they see they were answered); the conversation then goes on privately
 * with that profile, so the agent's next replies and the customer's private messages on that account
 * join it.
 *
 * <p>A person has at most one open private conversation per account. When the customer already has one
 * there, this conversation is resolved with a note pointing to it, and that one carries on with a note
 * quoting what the customer said here: two threads stay linked rather than merged.
 */
@Service
public class Continuing {

    static final String PRIVATE_NOTE = "We've sent you a private message so we can sort this out together.";

    private final Conversations conversations;
    private final Messages messages;
    private final Identities identities;
    private final Notes notes;
    private final Continuations continuations;
    private final Inbox inbox;
    private final Channels channels;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Continuing(
            Conversations conversations,
            Messages messages,
            Identities identities,
            Notes notes,
            Continuations continuations,
            Inbox inbox,
            Channels channels,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.conversations = conversations;
        this.messages = messages;
        this.identities = identities;
        this.notes = notes;
        this.continuations = continuations;
        this.inbox = inbox;
        this.channels = channels;
        this.events = events;
        this.transactions = transactions;
    }

    /** Where this conversation can go on, and where not with the reason. */
    @Transactional(readOnly = true)
    public ContinuationOptions options(long conversationId) {
        var conversation = conversations
                .findById(conversationId)
                .orElseThrow(() -> new ConversationNotFound("conversation " + conversationId));
        var options = new ArrayList<ContinuationOptions.Option>();
        options.add(option(conversation, null, "Privately on " + conversation.channel(), conversation.channel()));
        for (var identity : identities.findByContactIdOrderByChannelAscIdAsc(conversation.contactId())) {
            if (!identity.id().equals(conversation.identityId())) {
                var label = "On " + identity.channel() + ", " + name(identity);
                options.add(option(conversation, identity.id(), label, identity.channel()));
            }
        }
        return new ContinuationOptions(conversationId, List.copyOf(options));
    }

    private ContinuationOptions.Option option(
            Conversation conversation, @Nullable Long identityId, String label, String channel) {
        try {
            var target = target(conversation, identityId);
            return new ContinuationOptions.Option(
                    identityId,
                    channel,
                    label,
                    target.account(),
                    true,
                    null,
                    defaultNote(conversation, target),
                    identityId != null);
        } catch (Refused e) {
            return new ContinuationOptions.Option(identityId, channel, label, null, false, e.getMessage(), "", false);
        }
    }

    /**
     * Continues the conversation where the draft says.
     *
     * @return the conversation it goes on in: this one, or the customer's open private one there
     * @throws Refused with the reason, when it cannot go on there
     */
    public long continueConversation(long conversationId, long userId, ContinuationDraft draft) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> continueOnce(conversationId, userId, draft));
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                // The customer's private message opened a conversation there at the same moment: the
                // next attempt finds it and goes on in it.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private long continueOnce(long conversationId, long userId, ContinuationDraft draft) {
        var conversation = conversations
                .findById(conversationId)
                .orElseThrow(() -> new ConversationNotFound("conversation " + conversationId));
        var target = target(conversation, draft.identityId());
        var text = checkedText(conversation, target, draft);
        var note = sendNote(conversation, userId, checkedNote(conversation, target, draft));
        var record =
                new Continuation(conversation, note != null ? note.id() : lastMessageId(conversation), target, userId);
        var open = conversations
                .findUnresolved(
                        target.identity().id(), target.identity().channel(), target.account(), Visibility.PRIVATE)
                .filter(other -> !other.id().equals(conversation.id()));
        Conversation goesOn;
        if (open.isPresent()) {
            goesOn = open.get();
            record.into(goesOn, lastMessageId(goesOn));
            joinOpen(conversation, goesOn, userId);
        } else {
            conversation.continueWith(target.identity(), target.account());
            goesOn = conversation;
        }
        continuations.save(record);
        changed(conversation);
        if (text != null) {
            reply(goesOn, userId, text, null);
        }
        changed(goesOn);
        return goesOn.id();
    }

    /** Resolves this conversation and points each one to the other, with what the customer said here. */
    private void joinOpen(Conversation from, Conversation open, long userId) {
        var said = messages.findLatestPublicFromCustomer(from.id())
                .or(() -> messages.findByConversationIdOrderBySentAtAscIdAsc(from.id()).stream()
                        .filter(m -> m.direction() == Direction.INBOUND)
                        .reduce((first, second) -> second))
                .map(m -> ": \u201c" + Conversation.preview(m.text()) + "\u201d")
                .orElse(".");
        var kind = from.visibility() == Visibility.PUBLIC ? "public conversation" : "conversation";
        notes.save(new Note(from.id(), userId, "Continued in conversation #" + open.id() + "."));
        notes.save(new Note(open.id(), userId, "Continued from " + kind + " #" + from.id() + said));
        from.resolve();
    }

    /** The customer's profile to go on with, and the account Heard writes to it from; or why not. */
    ContinuationTarget target(Conversation conversation, @Nullable Long identityId) {
        if (identityId == null || identityId.equals(conversation.identityId())) {
            if (conversation.visibility() == Visibility.PRIVATE) {
                throw new Refused("This conversation is already private.");
            }
            connected(conversation.channel());
            if (!channels.rules(conversation.channel()).privateReplyToPublicPost()) {
                throw new Refused(conversation.channel()
                        + " does not let the brand message a customer privately first; ask them to message you,"
                        + " or continue on another of their linked profiles.");
            }
            var own = identities.findById(conversation.identityId()).orElseThrow();
            return new ContinuationTarget(own, conversation.account());
        }
        var identity = identities
                .findById(identityId)
                .orElseThrow(() -> new Refused("There is no profile " + identityId + "."));
        if (!identity.contactId().equals(conversation.contactId())) {
            throw new Refused(name(identity) + " is not linked to this customer; link the profile"
                    + " first (Heard never decides on its own that two profiles are one person).");
        }
        connected(identity.channel());
        var account = conversations
                .findFirstByIdentityIdOrderByLastMessageAtDescIdDesc(identity.id())
                .map(Conversation::account)
                .orElseThrow(() -> new Refused("Heard has never talked to " + name(identity) + " on "
                        + identity.channel() + ", so it has no account to write from; the customer has to write to"
                        + " you there first."));
        return new ContinuationTarget(identity, account);
    }

    private void connected(String channel) {
        if (!channels.connected(channel)) {
            throw new Refused("Heard is not connected to " + channel + " any more.");
        }
    }

    private @Nullable String checkedNote(
            Conversation conversation, ContinuationTarget target, ContinuationDraft draft) {
        var note = draft.note() == null ? defaultNote(conversation, target) : draft.note();
        if (note.isEmpty()) {
            if (conversation.visibility() == Visibility.PUBLIC) {
                throw new Refused("Write a short public note, so the customer and everyone reading"
                        + " the thread see they were answered and where it continues.");
            }
            return null;
        }
        fits(conversation.channel(), note, "The note");
        return note;
    }

    private @Nullable String checkedText(
            Conversation conversation, ContinuationTarget target, ContinuationDraft draft) {
        if (draft.text() == null) {
            if (!target.identity().id().equals(conversation.identityId())) {
                throw new Refused("Write the first message to send on "
                        + target.identity().channel() + "; without it the customer would hear nothing there.");
            }
            return null;
        }
        fits(target.identity().channel(), draft.text(), "The message");
        return draft.text();
    }

    private void fits(String channel, String text, String what) {
        var rules = channels.rules(channel);
        int length = rules.length(text);
        if (length > rules.maxLength()) {
            throw new Refused(what + " has " + length + " characters; " + channel + " allows " + rules.maxLength()
                    + ". Shorten it.");
        }
    }

    private @Nullable Message sendNote(Conversation conversation, long userId, @Nullable String note) {
        if (note == null) {
            return null;
        }
        var replyTo = conversation.visibility() == Visibility.PUBLIC
                ? messages.findLatestPublicFromCustomer(conversation.id())
                        .map(Message::externalId)
                        .orElse(null)
                : null;
        return reply(conversation, userId, note, replyTo);
    }

    /** A reply from the agent: the public note counts as the team's response, for the customer was answered. */
    private Message reply(Conversation conversation, long userId, String text, @Nullable String replyTo) {
        var message = messages.save(Message.outbound(conversation, userId, text, conversation.visibility(), replyTo));
        boolean first = conversation.firstResponseAt() == null;
        conversation.teamReplied(text, message.sentAt());
        inbox.send(conversation, message);
        events.publishEvent(new TeamReplied(conversation.id(), message.id(), userId, false, first, message.sentAt()));
        return message;
    }

    private @Nullable Long lastMessageId(Conversation conversation) {
        return messages.findFirstByConversationIdOrderByIdDesc(conversation.id())
                .map(Message::id)
                .orElse(null);
    }

    private void changed(Conversation conversation) {
        events.publishEvent(conversations.save(conversation).changed());
    }

    /** What the customer reads where the conversation was, naming where it goes on. */
    static String defaultNote(Conversation conversation, ContinuationTarget target) {
        var channel = target.identity().channel();
        if (channel.equals(conversation.channel())) {
            return PRIVATE_NOTE;
        }
        return switch (channel.toLowerCase(Locale.ROOT)) {
            case "email" -> "We've emailed you to sort this out.";
            case "whatsapp" -> "We've sent you a WhatsApp message to sort this out.";
            default -> "We've sent you a message on " + channel + " to sort this out.";
        };
    }

    static String name(ChannelIdentity identity) {
        return identity.handle() != null ? "@" + identity.handle() : identity.displayName();
    }
}
