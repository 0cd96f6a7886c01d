package org.heard.conversations.internal;

import java.time.Instant;
import java.util.List;
import org.heard.conversations.ConversationStatus;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as one line of the inbox list, with why it has its priority and when a response is due.
 */
public record InboxRow(
        long id,
        String channel,
        String visibility,
        ConversationStatus status,
        int priority,
        String priorityLevel,
        String priorityReason,
        @Nullable String queue,
        List<String> tags,
        @Nullable Instant dueAt,
        @Nullable String dueWhat,
        @Nullable Long assigneeId,
        @Nullable String assigneeName,
        String customerName,
        @Nullable String customerHandle,
        String preview,
        Instant lastMessageAt,
        @Nullable Instant waitingSince) {}
