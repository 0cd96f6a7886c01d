package org.heard.triage;

import java.time.Instant;

/**
 * A conversation missed, or is about to miss, a service level.
 *
 * @param what which clock: {@code first-response}, {@code next-response} or {@code resolution}
 * @param warning {@code true} when the clock is close to running out, {@code false} when it ran out
 */
public record ServiceLevelBreached(long conversationId, String what, Instant dueAt, boolean warning) {}
