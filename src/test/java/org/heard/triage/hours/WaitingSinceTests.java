package org.heard.triage.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.heard.channels.Visibility;
import org.heard.conversations.MessageReceived;
import org.junit.jupiter.api.Test;

class WaitingSinceTests {

    static final Instant ARRIVED = Instant.parse("2026-11-23T10:00:00Z");

    static MessageReceived written(Instant sentAt) {
        return new MessageReceived(1, 2, 3, "sandbox", Visibility.PUBLIC, "hello", true, sentAt, ARRIVED);
    }

    @Test
    void aMessageThatArrivedLateHasBeenWaitingSinceTheCustomerWroteIt() {
        var wrote = ARRIVED.minus(Duration.ofMinutes(26));

        assertThat(ServiceLevelTimekeeper.waitingSince(written(wrote))).isEqualTo(wrote);
    }

    @Test
    void aNetworkClockAheadOfOursCountsFromArrival() {
        assertThat(ServiceLevelTimekeeper.waitingSince(written(ARRIVED.plusSeconds(90))))
                .isEqualTo(ARRIVED);
    }

    @Test
    void aTimestampMoreThanADayOldIsTrustedOnlyADayBack() {
        assertThat(ServiceLevelTimekeeper.waitingSince(written(ARRIVED.minus(Duration.ofDays(30)))))
                .isEqualTo(ARRIVED.minus(Duration.ofDays(1)));
    }
}
