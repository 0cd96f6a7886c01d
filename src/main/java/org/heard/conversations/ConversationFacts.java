package org.heard.conversations;

import java.time.Instant;
import java.util.Set;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as triage sees it. {@code followers} is context only; nothing may rank by it.
 */
public record ConversationFacts(
        long id,
        String channel,
        Visibility visibility,
        ConversationStatus status,
        long contactId,
        @Nullable Long followers,
        @Nullable Long assigneeId,
        @Nullable String queue,
        Set<String> tags,
        int priority,
        Instant createdAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant lastCustomerMessageAt,
        @Nullable Instant resolvedAt) {}
