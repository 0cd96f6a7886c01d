package org.heard.triage.hours;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a clock runs out, and when to warn before it does.
 *
 * @param warnAt when supervisors hear it is close, or {@code null} for no warning
 */
public record Deadline(Instant due, @Nullable Instant warnAt) {}
