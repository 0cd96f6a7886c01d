package org.heard.channels;

import java.util.List;
import java.util.Optional;

/**
 * What Heard needs from a network. A connector is a Spring bean; Heard finds it by {@link #channel()}
 * and serves its webhooks at {@code /hooks/<channel>}.
 */
public interface ChannelConnector {

    /** The channel's name in URLs and data, such as {@code sandbox} or {@code telegram}. */
    String channel();

    /** Answers a network's subscription check (a GET with a challenge), if the network makes one. */
    default Optional<String> answerChallenge(WebhookRequest request) {
        return Optional.empty();
    }

    /** Throws {@link WebhookRejected} unless the request is signed by the network. */
    void verify(WebhookRequest request);

    /** Splits a verified webhook into its events; throws {@link MalformedWebhook} for a wrong shape. */
    List<InboundDelivery> read(WebhookRequest request);

    /** Turns one recorded event into a message; throws {@link MalformedWebhook} if it cannot. */
    InboundMessage normalise(InboundDelivery delivery);

    /**
     * Sends a reply and returns the network's id for it. Called again with the same idempotency key
     * after a crash or a failure, so the network must post it only once.
     */
    String send(OutboundMessage message) throws SendFailed;

    ComposerRules rules();
}
