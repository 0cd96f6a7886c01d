package org.heard.channels;

import org.jspecify.annotations.Nullable;

/**
 * A reply to be sent on a network.
 *
 * @param idempotencyKey the same for every attempt to send this reply, so the network posts it once
 * @param messageId the conversation message this delivers
 * @param inReplyTo the network's id of the message answered: the post, for a public reply in a thread; the
 *     customer's latest message, for a private one on a network whose private messages can answer one
 *     ({@link ComposerRules#privateThreading()}); else null
 * @param recipient the network's id of the person, for a private message
 * @param template the approved template this sends, whose filled-in body is {@code text}; null for a free-form
 *     reply
 * @param correlationId the correlation id of the customer's message this answers ({@code channel:delivery id}),
 *     carried into the log lines about sending it; null where it answers none
 */
public record OutboundMessage(
        String channel,
        String account,
        String idempotencyKey,
        long messageId,
        String text,
        Visibility visibility,
        @Nullable String inReplyTo,
        @Nullable String recipient,
        @Nullable TemplateChoice template,
        @Nullable String correlationId) {

    public OutboundMessage(
            String channel,
            String account,
            String idempotencyKey,
            long messageId,
            String text,
            Visibility visibility,
            @Nullable String inReplyTo,
            @Nullable String recipient,
            @Nullable TemplateChoice template) {
        this(channel, account, idempotencyKey, messageId, text, visibility, inReplyTo, recipient, template, null);
    }

    public OutboundMessage(
            String channel,
            String account,
            String idempotencyKey,
            long messageId,
            String text,
            Visibility visibility,
            @Nullable String inReplyTo,
            @Nullable String recipient) {
        this(channel, account, idempotencyKey, messageId, text, visibility, inReplyTo, recipient, null, null);
    }

    public OutboundMessage {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A reply needs text");
        }
        if (visibility == Visibility.PRIVATE && (recipient == null || recipient.isBlank())) {
            throw new IllegalArgumentException("A private message needs a recipient");
        }
    }
}
