package org.heard.channels;

/**
 * A recorded delivery was read as a message. Published inside the transaction that marks the delivery
 * processed: a listener that fails rolls both back, and the delivery is tried again.
 *
 * @param correlationId {@code channel:delivery id}, the id that log lines about this delivery carry from the
 *     webhook to the reply that answers it
 */
public record InboundMessageNormalised(long inboundEventId, String correlationId, InboundMessage message) {}
