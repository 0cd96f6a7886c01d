package org.heard.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MastodonRateLimitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration EVERY = Duration.ofSeconds(20);

    @Test
    void pollsAtTheUsualPaceWhileManyCallsAreLeft() {
        var limit = new MastodonRateLimit(250, NOW.plusSeconds(200));

        assertThat(limit.nextPoll(EVERY, false, NOW)).isEqualTo(EVERY);
    }

    @Test
    void pollsAgainAtOnceWhenThePageWasFull() {
        var limit = new MastodonRateLimit(250, NOW.plusSeconds(200));

        assertThat(limit.nextPoll(EVERY, true, NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitsForTheWindowToResetWhenOnlyTheCallsKeptForRepliesAreLeft() {
        var limit = new MastodonRateLimit(MastodonRateLimit.KEPT_FOR_REPLIES, NOW.plusSeconds(143));

        assertThat(limit.nextPoll(EVERY, true, NOW)).isEqualTo(Duration.ofSeconds(143));
    }

    @Test
    void neverPollsFasterThanUsualEvenIfTheWindowResetsSoon() {
        var limit = new MastodonRateLimit(3, NOW.plusSeconds(4));

        assertThat(limit.nextPoll(EVERY, false, NOW)).isEqualTo(EVERY);
    }

    @Test
    void aResetInThePastOrFarAheadIsBounded() {
        assertThat(new MastodonRateLimit(0, NOW.minusSeconds(5)).untilReset(NOW))
                .isZero();
        assertThat(new MastodonRateLimit(0, NOW.plusSeconds(86_400)).untilReset(NOW))
                .isEqualTo(Duration.ofHours(1));
        assertThat(new MastodonRateLimit(null, null).untilReset(NOW)).isNull();
    }
}
