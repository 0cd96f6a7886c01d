package org.heard.conversations.internal;

import org.heard.channels.OutboundMessageFailed;
import org.heard.channels.OutboundMessageSent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each reply's delivery state in step with the outbox, in the outbox's own transaction. */
@Component
class DeliveryTracking {

    private final Messages messages;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;

    DeliveryTracking(Messages messages, Conversations conversations, ApplicationEventPublisher events) {
        this.messages = messages;
        this.conversations = conversations;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void sent(OutboundMessageSent event) {
        messages.findById(event.messageId()).ifPresent(message -> {
            message.delivered(event.externalId(), event.sentAt());
            announce(message);
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void failed(OutboundMessageFailed event) {
        messages.findById(event.messageId()).ifPresent(message -> {
            message.notDelivered(event.error(), event.willRetry());
            announce(message);
        });
    }

    private void announce(Message message) {
        conversations.findById(message.conversationId()).ifPresent(c -> events.publishEvent(c.changed()));
    }
}
