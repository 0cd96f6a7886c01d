package org.heard.triage.fairness;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Complaints' service in a period, by channel and by follower count.
 *
 * @param byChannel groups by network
 * @param byFollowers groups by follower-count bucket
 */
public record Fairness(Instant from, Instant to, Split byChannel, Split byFollowers) {

    /**
     * One way of splitting the complaints, and the widest gap between its groups.
     *
     * @param gap the fastest and slowest groups' medians compared, or {@code null} with too few complaints to judge
     */
    public record Split(List<Group> groups, @Nullable Gap gap) {}

    /**
     * Complaints in one group. Times are wall-clock minutes from the first message.
     *
     * @param answered how many got a first response from a person
     */
    public record Group(
            String name,
            int complaints,
            int answered,
            @Nullable Double firstResponseMedianMinutes,
            @Nullable Double firstResponseP90Minutes,
            @Nullable Double resolutionMedianMinutes) {}

    /**
     * The slowest group's median first response against the fastest's.
     *
     * @param flagged whether the gap is wide enough for a supervisor to look into
     */
    public record Gap(String fastest, String slowest, double ratio, boolean flagged) {}
}
