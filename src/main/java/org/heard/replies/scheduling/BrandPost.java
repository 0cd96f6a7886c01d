package org.heard.replies.scheduling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post of the brand's own, answering no one, scheduled for a time.
 *
 * @param status SCHEDULED, SENDING (in the outbox), SENT, FAILED or CANCELLED
 * @param externalId the network's id for it once posted
 * @param error why the network did not take it, while it retries or after it gave up
 */
public record BrandPost(
        long id,
        String channel,
        String account,
        String text,
        Instant scheduledFor,
        String status,
        long authorId,
        @Nullable String externalId,
        @Nullable String error,
        @Nullable Instant sentAt) {}
