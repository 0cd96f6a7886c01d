package org.heard.replies.saved;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A saved reply: a starting point an agent picks in the composer and then makes their own.
 *
 * @param ownerId the agent it belongs to, or null for the team's
 * @param channel the only channel it is offered on, or null for every channel
 * @param shortcut a short word to find it by, such as {@code refund}
 */
public record SavedReply(
        long id,
        @Nullable Long ownerId,
        String title,
        String text,
        @Nullable String channel,
        List<String> tags,
        @Nullable String shortcut,
        Instant updatedAt) {

    public boolean team() {
        return ownerId == null;
    }
}
