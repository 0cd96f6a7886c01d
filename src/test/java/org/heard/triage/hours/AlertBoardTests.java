package org.heard.triage.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertBoardTests {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theButtonCountsOnlyQueuesThatAreNotMuted() {
        var general = queue("general", null, missed(1), missed(2), close(3));
        var billing = queue("billing", NOW.plus(Duration.ofHours(8)), missed(4), close(5));

        var board = AlertBoard.of(List.of(general, billing));

        assertThat(board.missed()).isEqualTo(2);
        assertThat(board.close()).isEqualTo(1);
        assertThat(board.summary()).isEqualTo("2 missed · 1 close");
        assertThat(billing.missed()).isEqualTo(1);
    }

    @Test
    void theSummarySaysOnlyWhatThereIs() {
        assertThat(AlertBoard.of(List.of()).summary()).isEqualTo("On time");
        assertThat(AlertBoard.of(List.of(queue("general", null, missed(1)))).summary())
                .isEqualTo("1 missed");
        assertThat(AlertBoard.of(List.of(queue("general", null, close(1), close(2))))
                        .summary())
                .isEqualTo("2 close");
    }

    @Test
    void aQueueCountsItsAlertsByKindMissedFirst() {
        var queue = queue(
                "general",
                null,
                close(1),
                missed(2),
                AlertBoard.Alert.of(3, "Sam", ClockKind.NEXT_RESPONSE, NOW.minusSeconds(60), true, NOW),
                missed(4));

        assertThat(queue.counts())
                .isEqualTo("2 missed first response · 1 missed next response · 1 close to first response");
    }

    @Test
    void theTimeLeftIsRoundedDownAsTheInboxSaysIt() {
        assertThat(when(Duration.ofSeconds(40))).isEqualTo("First response due in under a minute");
        assertThat(when(Duration.ofMinutes(4).plusSeconds(59))).isEqualTo("First response due in 4 min");
        assertThat(when(Duration.ofMinutes(-6).minusSeconds(30))).isEqualTo("First response 6 min overdue");
        assertThat(when(Duration.ofMinutes(-150))).isEqualTo("First response 2 h overdue");
        assertThat(when(Duration.ofDays(3))).isEqualTo("First response due in 3 d");
        assertThat(AlertBoard.Alert.of(1, "Aiko", ClockKind.RESOLUTION, NOW.plusSeconds(600), false, NOW)
                        .when())
                .isEqualTo("Resolution due in 10 min");
    }

    private static String when(Duration left) {
        return AlertBoard.Alert.of(1, "Aiko", ClockKind.FIRST_RESPONSE, NOW.plus(left), false, NOW)
                .when();
    }

    private static AlertBoard.Alert missed(long id) {
        return AlertBoard.Alert.of(id, "Aiko", ClockKind.FIRST_RESPONSE, NOW.minusSeconds(60), true, NOW);
    }

    private static AlertBoard.Alert close(long id) {
        return AlertBoard.Alert.of(id, "Ben", ClockKind.FIRST_RESPONSE, NOW.plusSeconds(120), false, NOW);
    }

    private static AlertBoard.Queue queue(String key, Instant mutedUntil, AlertBoard.Alert... alerts) {
        return new AlertBoard.Queue(key, key, List.of(alerts), mutedUntil, mutedUntil == null ? null : "18:00");
    }
}
