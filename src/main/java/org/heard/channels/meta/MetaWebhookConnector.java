package org.heard.channels.meta;

import java.util.Optional;
import org.heard.channels.ChannelConnector;
import org.heard.channels.WebhookRequest;

/**
 * A connector whose webhooks Meta sends: Facebook, Instagram, WhatsApp and Threads answer Meta's verification
 * request and check the App Secret's signature the same way, through {@link MetaWebhooks}.
 */
public interface MetaWebhookConnector extends ChannelConnector {

    /** The connector's reader of Meta's webhooks. */
    MetaWebhooks webhooks();

    /** Echoes {@code hub.challenge} when the verify token is the account's. */
    @Override
    default Optional<String> answerChallenge(WebhookRequest request) {
        return webhooks().answerChallenge(request);
    }

    /** Refuses a webhook that is not signed with the account's App Secret. */
    @Override
    default void verify(WebhookRequest request) {
        webhooks().verify(request);
    }
}
