package org.heard.triage.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.heard.triage.fairness.FirstResponseGap.Sample;
import org.junit.jupiter.api.Test;

/** A fairness gap is flagged only when the answered complaints support it. */
class FirstResponseGapTests {

    @Test
    void twoAnsweredComplaintsAgainstOneAreNeverAGap() {
        var gap = FirstResponseGap.among(
                List.of(new Sample("under 1k", new double[] {38, 38}), new Sample("1M and more", new double[] {10})));

        assertThat(gap).isNotNull();
        assertThat(gap.ratio()).isEqualTo(3.8, within(1e-9));
        assertThat(gap.enoughAnswers()).isFalse();
        assertThat(gap.pValue()).isNull();
        assertThat(gap.flagged()).isFalse();
        assertThat(gap.slowestAnswered()).isEqualTo(2);
        assertThat(gap.fastestAnswered()).isEqualTo(1);
    }

    @Test
    void nineteenAnswersInOneGroupAreStillTooFewEvenForAHugeGap() {
        var gap = FirstResponseGap.among(
                List.of(new Sample("x", minutes(19, 100)), new Sample("sandbox", minutes(50, 1))));

        assertThat(gap.enoughAnswers()).isFalse();
        assertThat(gap.flagged()).isFalse();
    }

    @Test
    void aLargeRealGapIsFlagged() {
        var gap = FirstResponseGap.among(
                List.of(new Sample("under 1k", spread(30, 40)), new Sample("1M and more", spread(30, 10))));

        assertThat(gap.slowest()).isEqualTo("under 1k");
        assertThat(gap.fastest()).isEqualTo("1M and more");
        assertThat(gap.enoughAnswers()).isTrue();
        assertThat(gap.pValue()).isLessThan(0.001);
        assertThat(gap.flagged()).isTrue();
    }

    @Test
    void aWideRatioOfMediansFromTheSameSpreadOfTimesIsNotFlagged() {
        // Both groups answer about half their complaints in a minute and half in ten; the medians fall
        // on opposite sides (10 against 1 minute, a ratio of 10) but the times are alike.
        var slow = IntStream.range(0, 41).mapToDouble(i -> i < 20 ? 1 : 10).toArray();
        var fast = IntStream.range(0, 41).mapToDouble(i -> i < 21 ? 1 : 10).toArray();

        var gap = FirstResponseGap.among(List.of(new Sample("whatsapp", slow), new Sample("x", fast)));

        assertThat(gap.ratio()).isEqualTo(10, within(1e-9));
        assertThat(gap.enoughAnswers()).isTrue();
        assertThat(gap.pValue()).isGreaterThan(0.5);
        assertThat(gap.flagged()).isFalse();
    }

    @Test
    void aSignificantButSmallGapIsNotFlagged() {
        var gap = FirstResponseGap.among(List.of(new Sample("a", spread(400, 12)), new Sample("b", spread(400, 10))));

        assertThat(gap.ratio()).isLessThan(FirstResponseGap.GAP_RATIO);
        assertThat(gap.flagged()).isFalse();
    }

    @Test
    void theThresholdIsSharedAmongAllPairsOfGroups() {
        var gap = FirstResponseGap.among(List.of(
                new Sample("a", spread(30, 10)),
                new Sample("b", spread(30, 12)),
                new Sample("c", spread(30, 14)),
                new Sample("d", spread(30, 40))));

        assertThat(gap.threshold()).isEqualTo(0.05 / 6, within(1e-12));
    }

    @Test
    void mannWhitneyMatchesTheNormalApproximationWorkedByHand() {
        // 1..20 against 21..40: U = 0, mean 200, variance 20·20·41/12, z = -5.4099, p = 2·Φ(z) ≈ 6.3e-8.
        var gap = FirstResponseGap.among(List.of(
                new Sample("fast", IntStream.rangeClosed(1, 20).asDoubleStream().toArray()),
                new Sample(
                        "slow", IntStream.rangeClosed(21, 40).asDoubleStream().toArray())));

        assertThat(gap.pValue()).isCloseTo(6.3e-8, within(0.2e-8));
    }

    @Test
    void groupsWithoutAnswersAreNotCompared() {
        assertThat(FirstResponseGap.among(List.of(new Sample("a", minutes(5, 3)), new Sample("b", new double[0]))))
                .isNull();
    }

    private static double[] minutes(int count, double each) {
        return IntStream.range(0, count).mapToDouble(i -> each).toArray();
    }

    // Times spread evenly from half to one and a half times a median: distinct, so no ties.
    private static double[] spread(int count, double median) {
        return IntStream.range(0, count)
                .mapToDouble(i -> median * (0.5 + (i + 0.5) / count))
                .toArray();
    }
}
