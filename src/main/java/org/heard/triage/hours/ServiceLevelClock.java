package org.heard.triage.hours;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One service-level clock of a conversation, running or stopped.
 *
 * @param warnAt when a warning is due, or {@code null} when the policy warns not at all
 * @param warnedAt when the warning fired, or {@code null}
 * @param breachedAt when the clock ran out, or {@code null}
 */
record ServiceLevelClock(
        long id,
        long conversationId,
        ClockKind kind,
        Instant startedAt,
        Instant dueAt,
        @Nullable Instant warnAt,
        @Nullable Instant warnedAt,
        @Nullable Instant breachedAt) {}
