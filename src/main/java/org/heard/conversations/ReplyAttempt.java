package org.heard.conversations;

import java.time.Instant;
import java.util.Set;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A reply an agent is about to send, as the checks before sending see it.
 *
 * @param userId the agent who wrote it
 * @param conversationVisibility whether the conversation itself is public or private
 * @param visibility whether this reply goes out in public or in private
 * @param queue the conversation's queue, if any
 * @param sendAt when the agent wants it sent, or null for now
 * @param approved whether an approver has already released it, so approval checks pass it
 */
public record ReplyAttempt(
        long conversationId,
        long userId,
        String channel,
        String account,
        Visibility conversationVisibility,
        Visibility visibility,
        @Nullable String queue,
        Set<String> tags,
        String text,
        @Nullable Instant sendAt,
        boolean approved) {}
