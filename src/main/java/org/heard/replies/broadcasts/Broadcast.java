package org.heard.replies.broadcasts;

import java.time.Instant;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A broadcast as started.
 *
 * @param audience the filter that chose its recipients, as a person reads it
 * @param visibility public or private for every recipient, or null for each conversation's own way
 * @param pace the slower pace it was given, or null for the networks' own
 * @param endedAt when it finished or was cancelled
 */
public record Broadcast(
        long id,
        String text,
        String audience,
        @Nullable Visibility visibility,
        @Nullable String pace,
        BroadcastState state,
        long startedBy,
        Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable Long cancelledBy,
        int total) {}
