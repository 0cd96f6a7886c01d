package org.heard.conversations.internal;

import java.time.Instant;
import org.heard.conversations.ConversationStatus;
import org.jspecify.annotations.Nullable;

/** A conversation as one line of the inbox list. */
public record InboxRow(
        long id,
        String channel,
        String visibility,
        ConversationStatus status,
        int priority,
        @Nullable Long assigneeId,
        @Nullable String assigneeName,
        String customerName,
        @Nullable String customerHandle,
        String preview,
        Instant lastMessageAt,
        @Nullable Instant waitingSince) {}
