package org.heard.channels;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Heard needs from a network. A connector is a Spring bean; Heard finds it by {@link #channel()}
 * and serves its webhooks at {@code /hooks/<channel>/<account key>} (and {@code /hooks/<channel>} for
 * a connector that needs no account, such as the sandbox).
 *
 * <p>A connector holds no account state of its own: every call that acts for an account is given the
 * {@link ChannelAccount} with its decrypted {@link Credentials}, so one connector serves many accounts
 * and every connector can be tested by the same contract suite.
 */
public interface ChannelConnector {

    /** The channel's name in URLs and data, such as {@code sandbox} or {@code telegram}. */
    String channel();

    /** The network's name as people know it, such as "Telegram". */
    default String displayName() {
        return channel();
    }

    /** What an admin enters to connect an account; empty for a channel that needs none. */
    default List<CredentialField> credentialFields() {
        return List.of();
    }

    /**
     * Checks the credentials with the network and does what connecting needs there (Telegram's
     * {@code setWebhook}, a test login); answers who the account is.
     *
     * @throws ConnectionFailed with the network's reason when it refuses or cannot be reached
     */
    default ConnectedAccount connect(AccountSetup setup) {
        throw new ConnectionFailed(displayName() + " accounts are not connected through Heard's settings.");
    }

    /** Answers a network's subscription check (a GET with a challenge), if the network makes one. */
    default Optional<String> answerChallenge(WebhookRequest request) {
        return Optional.empty();
    }

    /** Throws {@link WebhookRejected} unless the request is signed by the network. */
    void verify(WebhookRequest request);

    /**
     * Splits a verified webhook into its events; throws {@link MalformedWebhook} for a wrong shape.
     * Events Heard has no use for (a read receipt, a type added after this connector was written) are
     * left out, so the network is answered 200 and does not retry them.
     */
    List<InboundDelivery> read(WebhookRequest request);

    /** Turns one recorded event into a message; throws {@link MalformedWebhook} if it cannot. */
    InboundMessage normalise(InboundDelivery delivery);

    /** Whether Heard should call {@link #poll} for this channel's accounts. */
    default boolean polls() {
        return false;
    }

    /**
     * Asks the network what is new since {@code cursor} (null at first). A network that limits Heard
     * throws {@link SendFailed} with its wait, which Heard honours before polling again.
     */
    default Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        throw new UnsupportedOperationException(channel() + " does not poll");
    }

    /**
     * Sends a reply and returns the network's id for it. Called again with the same idempotency key
     * after a crash or a failure, so the network must post it only once.
     *
     * @param account the account the conversation belongs to, or null for a channel without accounts
     */
    String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed;

    /**
     * Whether sending the same reply again is harmless on this network: it takes an idempotency key, or the
     * connector looks for the earlier post before posting. When it is not, a reply whose sending was cut off
     * by a crash is not sent again by itself; the agent is asked to look on the network first.
     */
    default boolean sendsOnce() {
        return false;
    }

    ComposerRules rules();

    /**
     * Whether the brand can publish a post of its own here, one that answers no one: {@link #send} then gets a
     * public message without {@code inReplyTo}.
     */
    default boolean publishesPosts() {
        return false;
    }

    /**
     * The rules for replies from this account, where they depend on it (Meta's Human Agent tag lengthens the
     * messaging window to 7 days for an app Meta approved for it).
     */
    default ComposerRules rules(ChannelAccount account) {
        return rules();
    }

    /**
     * The account's approved message templates, for a composer whose messaging window closed; empty for a
     * network without them.
     */
    default List<MessageTemplate> templates(ChannelAccount account) throws SendFailed {
        return List.of();
    }

    /** What this network lets Heard do to a customer's public comment besides answering it. */
    default Set<Moderation> moderations() {
        return Set.of();
    }

    /**
     * Likes, hides or reverses that on a customer's public comment. Doing what is already done is harmless.
     *
     * @param externalId the network's id for the comment
     * @throws SendFailed with the network's reason when it refuses or cannot be reached
     */
    default void moderate(ChannelAccount account, String externalId, Moderation action) throws SendFailed {
        throw new UnsupportedOperationException(channel() + " does not let Heard " + action + " comments");
    }
}
