package org.heard.conversations.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.heard.channels.InboundMessage;
import org.heard.channels.InboundMessageNormalised;
import org.heard.channels.Visibility;
import org.heard.conversations.MessageReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts each customer message into its conversation: a reply joins the conversation of the message it
 * answers; a private message joins the customer's unresolved private conversation on that account; any
 * other public post starts a new conversation. Runs in the transaction that marks the delivery
 * processed, so a message is threaded exactly once.
 */
@Component
class Threading {

    private static final Logger log = LoggerFactory.getLogger(Threading.class);

    private final Contacts contacts;
    private final Identities identities;
    private final Conversations conversations;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;

    Threading(
            Contacts contacts,
            Identities identities,
            Conversations conversations,
            Messages messages,
            ApplicationEventPublisher events,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.contacts = contacts;
        this.identities = identities;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void thread(InboundMessageNormalised event) {
        var inbound = event.message();
        if (messages.existsByChannelAndAccountAndExternalId(
                inbound.channel(), inbound.account(), inbound.externalId())) {
            return;
        }
        var author = identityOf(inbound);
        var existing = existingConversation(inbound, author);
        var conversation = existing.orElseGet(() -> conversations.save(new Conversation(
                inbound.channel(), inbound.account(), author, inbound.visibility(), inbound.sentAt())));
        var message = messages.save(Message.inbound(conversation, author, inbound, event.correlationId()));
        conversation.customerWrote(inbound.text(), inbound.sentAt());
        conversations.save(conversation);
        events.publishEvent(new MessageReceived(
                conversation.id(),
                message.id(),
                conversation.contactId(),
                inbound.channel(),
                inbound.visibility(),
                inbound.text(),
                existing.isEmpty(),
                inbound.sentAt(),
                Instant.now()));
        events.publishEvent(conversation.changed());
        log.debug(
                "Threaded {} as message {} of conversation {}", inbound.externalId(), message.id(), conversation.id());
        // Deliveries are threaded a hundred to a transaction; without this, every query for the next
        // one would dirty-check all the entities of the ones before it.
        entityManager.flush();
        entityManager.clear();
    }

    private java.util.Optional<Conversation> existingConversation(InboundMessage inbound, ChannelIdentity author) {
        if (inbound.visibility() == Visibility.PRIVATE) {
            return conversations.findUnresolved(author.id(), inbound.channel(), inbound.account(), Visibility.PRIVATE);
        }
        if (inbound.inReplyTo() == null) {
            return java.util.Optional.empty();
        }
        // A public reply to a public message joins its conversation even after the conversation went on
        // privately or on another channel: the customer's answer to the public note belongs to that history.
        return messages.findByChannelAndAccountAndExternalId(inbound.channel(), inbound.account(), inbound.inReplyTo())
                .filter(parent -> parent.visibility() == Visibility.PUBLIC)
                .flatMap(parent -> conversations.findById(parent.conversationId()));
    }

    private ChannelIdentity identityOf(InboundMessage inbound) {
        var author = inbound.author();
        return identities
                .findByChannelAndExternalId(inbound.channel(), author.externalId())
                .map(identity -> {
                    identity.refresh(author);
                    return identity;
                })
                .orElseGet(() -> {
                    var contact = contacts.save(new Contact(author.displayName()));
                    return identities.save(new ChannelIdentity(contact.id(), inbound.channel(), author));
                });
    }
}
