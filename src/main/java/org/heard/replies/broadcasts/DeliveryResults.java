package org.heard.replies.broadcasts;

import org.heard.channels.OutboundMessageFailed;
import org.heard.channels.OutboundMessageSent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each recipient's result in step with the outbox, in the outbox's own transaction: sent once the network
 * took the reply, failed with the network's reason once the outbox gave up, and the last error while it retries.
 */
@Component
class DeliveryResults {

    private final RecipientStore recipients;
    private final BroadcastLive live;

    DeliveryResults(RecipientStore recipients, BroadcastLive live) {
        this.recipients = recipients;
        this.live = live;
    }

    @EventListener
    void sent(OutboundMessageSent event) {
        recipients.delivered(event.messageId()).ifPresent(live::changed);
    }

    @EventListener
    void failed(OutboundMessageFailed event) {
        recipients
                .notDelivered(event.messageId(), event.error(), event.willRetry())
                .ifPresent(live::changed);
    }
}
