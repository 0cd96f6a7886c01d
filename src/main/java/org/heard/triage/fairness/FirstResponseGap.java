package org.heard.triage.fairness;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.heard.triage.fairness.Fairness.Gap;
import org.jspecify.annotations.Nullable;

/**
 * Judges whether the slowest group really waits longer than the fastest, from the first-response
 * times themselves. A ratio of medians from two answered complaints against one is noise; a gap is
 * flagged only when each of the two groups has at least {@link #MIN_ANSWERED} answered complaints, the
 * slowest median is {@link #GAP_RATIO} times the fastest or more, and a two-sided Mann–Whitney U test
 * of the two groups' times gives p below 0.05 divided by the number of pairs of groups (Bonferroni:
 * the pair compared was chosen as the most extreme of them). See docs/adr/0013.
 */
final class FirstResponseGap {

    /** Answered complaints each compared group needs before a gap is judged. */
    static final int MIN_ANSWERED = 20;

    /** A gap worth a supervisor's look: the slowest group's median is this much the fastest's, or more. */
    static final double GAP_RATIO = 1.5;

    /** The chance of flagging a gap where there is none that the report accepts, across all pairs. */
    static final double SIGNIFICANCE = 0.05;

    // Medians under half a minute are compared as half a minute, so that seconds do not make a ratio.
    private static final double SHORTEST_MEDIAN = 0.5;

    /**
     * The first-response minutes of one group's answered complaints.
     *
     * @param minutes one entry per answered complaint
     */
    record Sample(String name, double[] minutes) {

        Sample {
            minutes = minutes.clone();
            Arrays.sort(minutes);
        }

        int answered() {
            return minutes.length;
        }

        double median() {
            int n = minutes.length;
            return n % 2 == 1 ? minutes[n / 2] : (minutes[n / 2 - 1] + minutes[n / 2]) / 2;
        }
    }

    private FirstResponseGap() {}

    /** The gap between the fastest and the slowest of the groups, or null when fewer than two have answers. */
    static @Nullable Gap among(List<Sample> samples) {
        var answered = samples.stream().filter(s -> s.answered() > 0).toList();
        if (answered.size() < 2) {
            return null;
        }
        var fastest = answered.stream()
                .min(Comparator.comparingDouble(Sample::median))
                .orElseThrow();
        var slowest = answered.stream()
                .max(Comparator.comparingDouble(Sample::median))
                .orElseThrow();
        double ratio = slowest.median() / Math.max(fastest.median(), SHORTEST_MEDIAN);
        int pairs = answered.size() * (answered.size() - 1) / 2;
        double threshold = SIGNIFICANCE / pairs;
        boolean enough = fastest.answered() >= MIN_ANSWERED && slowest.answered() >= MIN_ANSWERED;
        Double p = enough ? new MannWhitneyUTest().mannWhitneyUTest(fastest.minutes(), slowest.minutes()) : null;
        boolean flagged = enough && ratio >= GAP_RATIO && p < threshold;
        return new Gap(
                fastest.name(),
                fastest.answered(),
                slowest.name(),
                slowest.answered(),
                ratio,
                enough,
                p,
                threshold,
                flagged);
    }
}
