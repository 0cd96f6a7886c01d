package org.heard.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The team wrote to the customer: an agent's reply, or an automated one (an away reply, an
 * acknowledgement) that never counts as a response from a person.
 *
 * @param userId the agent who wrote it, or {@code null} for an automated reply
 * @param firstResponse whether this is the first reply from a person in the conversation
 */
public record TeamReplied(
        long conversationId,
        long messageId,
        @Nullable Long userId,
        boolean automated,
        boolean firstResponse,
        Instant at) {}
