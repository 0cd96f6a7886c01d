package org.heard.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something about a conversation changed: a message, its status, its assignee or its notes. */
public record ConversationChanged(
        long id,
        ConversationStatus status,
        String channel,
        String visibility,
        String preview,
        @Nullable Long assigneeId,
        Instant lastMessageAt) {}
