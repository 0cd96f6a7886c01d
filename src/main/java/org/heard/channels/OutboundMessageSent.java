package org.heard.channels;

import java.time.Instant;

/** The network took a reply and gave it an id. */
public record OutboundMessageSent(long messageId, String externalId, Instant sentAt) {}
