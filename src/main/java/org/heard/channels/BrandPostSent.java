package org.heard.channels;

import java.time.Instant;

/** The network took a brand post from the outbox and gave it an id. */
public record BrandPostSent(long postId, String externalId, Instant sentAt) {}
