package org.heard.channels;

/**
 * A recorded delivery was read as a message. Published inside the transaction that marks the delivery
 * processed: a listener that fails rolls both back, and the delivery is tried again.
 */
public record InboundMessageNormalised(long inboundEventId, InboundMessage message) {}
