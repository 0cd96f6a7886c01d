package org.heard.conversations;

import java.time.Instant;
import java.util.List;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A team reply as the modules that release or list waiting replies see it.
 *
 * @param state where it stands: HELD, RETURNED, SCHEDULED, CANCELLED, PENDING, SENT or FAILED
 * @param scheduledFor when it is to go out, or null for as soon as it may
 * @param note why it waits, or the comment it was sent back with
 * @param thread the last messages of the conversation up to this reply, oldest first (empty in lists)
 */
public record WaitingReply(
        long messageId,
        long conversationId,
        @Nullable Long authorUserId,
        String channel,
        String account,
        Visibility visibility,
        String text,
        String state,
        @Nullable Instant scheduledFor,
        @Nullable String note,
        String customerName,
        List<Line> thread) {

    public boolean waiting() {
        return "HELD".equals(state) || "SCHEDULED".equals(state);
    }

    /** One message of the conversation: who wrote it and what. */
    public record Line(boolean fromCustomer, String author, String text, Instant at) {}
}
