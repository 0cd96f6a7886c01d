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
     * @param gap the fastest and slowest groups compared, or {@code null} when fewer than two groups have
     *     an answered complaint
     */
    public record Split(List<Group> groups, @Nullable Gap gap) {}

    /**
     * Complaints in one group. Times are wall-clock minutes from the first message; each figure is
     * computed from the count beside it.
     *
     * @param answered how many got a first response from a person: the first-response figures' count
     * @param resolved how many were resolved: the resolution figure's count
     */
    public record Group(
            String name,
            int complaints,
            int answered,
            int resolved,
            @Nullable Double firstResponseMedianMinutes,
            @Nullable Double firstResponseP90Minutes,
            @Nullable Double resolutionMedianMinutes) {}

    /**
     * The slowest group's median first response against the fastest's, and whether the samples
     * support calling it a gap (docs/adr/0013-fairness-gaps-need-evidence.md).
     *
     * @param fastestAnswered answered complaints behind the fastest group's median
     * @param slowestAnswered answered complaints behind the slowest group's median
     * @param enoughAnswers whether both groups have {@link FirstResponseGap#MIN_ANSWERED} answered
     *     complaints or more; when not, nothing is judged
     * @param pValue two-sided Mann–Whitney U p-value of the two groups' first-response times, or
     *     {@code null} when there are too few answers to test
     * @param threshold the p-value below which the gap counts as real: 0.05 divided by the number of
     *     pairs of groups that could have been the fastest and slowest
     * @param flagged whether the gap is wide (the ratio is {@link FirstResponseGap#GAP_RATIO} or more) and
     *     real (p below the threshold): worth a supervisor's look
     */
    public record Gap(
            String fastest,
            int fastestAnswered,
            String slowest,
            int slowestAnswered,
            double ratio,
            boolean enoughAnswers,
            @Nullable Double pValue,
            double threshold,
            boolean flagged) {}
}
