package org.heard.triage.hours;

import java.time.Duration;
import java.time.Instant;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Service-level targets for a queue, a channel, or everything else (the default). Targets count in the
 * team's business hours unless {@code businessHours} is off. A warning comes at a share of the target
 * ({@code warnAtPercent}) or a while before it ({@code warnBefore}), whichever is earlier.
 *
 * @param id 0 for a policy not saved yet
 * @param scopeValue the queue key or channel name; {@code null} for the default policy
 * @param resolution how long until a conversation should be resolved, or {@code null} for no target
 */
public record ServiceLevelPolicy(
        long id,
        String name,
        Scope scope,
        @Nullable String scopeValue,
        Duration firstResponse,
        Duration nextResponse,
        @Nullable Duration resolution,
        boolean businessHours,
        @Nullable Integer warnAtPercent,
        @Nullable Duration warnBefore) {

    /** What a policy applies to; a queue's policy wins over a channel's, which wins over the default. */
    public enum Scope {
        DEFAULT,
        QUEUE,
        CHANNEL
    }

    public ServiceLevelPolicy {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new Refused("Give the policy a name of 1 to 120 characters.");
        }
        if (scope == null) {
            throw new Refused("Say what the policy applies to: DEFAULT, QUEUE or CHANNEL.");
        }
        if ((scope == Scope.DEFAULT) != (scopeValue == null || scopeValue.isBlank())) {
            throw new Refused(
                    scope == Scope.DEFAULT
                            ? "The default policy applies to everything; leave its queue or channel empty."
                            : "Name the " + scope.name().toLowerCase() + " this policy applies to.");
        }
        scopeValue = scope == Scope.DEFAULT ? null : scopeValue.strip().toLowerCase();
        positive(firstResponse, "firstResponse");
        positive(nextResponse, "nextResponse");
        if (resolution != null) {
            positive(resolution, "resolution");
        }
        if (warnAtPercent != null && (warnAtPercent < 1 || warnAtPercent > 99)) {
            throw new Refused("warnAtPercent is a share of the target from 1 to 99 (80 warns at 80%), not "
                    + warnAtPercent + ".");
        }
        if (warnBefore != null) {
            positive(warnBefore, "warnBefore");
        }
    }

    /** The target for a clock, or {@code null} when this policy sets none. */
    public @Nullable Duration target(ClockKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponse;
            case NEXT_RESPONSE -> nextResponse;
            case RESOLUTION -> resolution;
        };
    }

    /** When a clock of this kind started at {@code start} runs out on this calendar, if it has a target. */
    public @Nullable Deadline deadline(ClockKind kind, Instant start, BusinessCalendar calendar) {
        var target = target(kind);
        if (target == null) {
            return null;
        }
        var due = calendar.plus(start, target);
        Instant warnAt = null;
        if (warnAtPercent != null) {
            warnAt = calendar.plus(start, target.multipliedBy(warnAtPercent).dividedBy(100));
        }
        if (warnBefore != null) {
            var early =
                    calendar.plus(start, target.compareTo(warnBefore) > 0 ? target.minus(warnBefore) : Duration.ZERO);
            warnAt = warnAt == null || early.isBefore(warnAt) ? early : warnAt;
        }
        return new Deadline(due, warnAt);
    }

    private static void positive(@Nullable Duration duration, String field) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new Refused(field + " must be a positive duration such as PT1H or PT30M, not " + duration + ".");
        }
    }
}
