package org.heard.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heard.channels.ComposerRules.MessagingWindow;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;

class MessagingWindowTests {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final MessagingWindow DAY =
            new MessagingWindow(Duration.ofHours(24), "WhatsApp only allows an approved template now.", true);

    @Test
    void theWindowIsOpenUpTo24HoursAfterTheCustomersLastMessage() {
        assertThat(DAY.closedBecause(NOW.minus(Duration.ofHours(24)), NOW)).isNull();
        assertThat(DAY.closedBecause(NOW.minus(Duration.ofHours(24).plusSeconds(1)), NOW))
                .isEqualTo("The customer last wrote 24 hours ago; WhatsApp only allows an approved template now.");
    }

    @Test
    void longerAgoIsSaidInDays() {
        assertThat(DAY.closedBecause(NOW.minus(Duration.ofHours(47)), NOW))
                .startsWith("The customer last wrote 47 hours");
        assertThat(DAY.closedBecause(NOW.minus(Duration.ofDays(8)), NOW))
                .startsWith("The customer last wrote 8 days ago");
    }

    @Test
    void aNetworkWithoutWindowsAlwaysTakesAPrivateMessage() {
        var rules = new ComposerRules(2000, true);

        assertThat(rules.privateMessageClosed(false, NOW.minus(Duration.ofDays(300)), NOW))
                .isNull();
        assertThat(rules.privateMessageClosed(true, null, NOW)).isNull();
    }

    @Test
    void aPublicPostIsAnsweredPrivatelyWithinItsOwnWindow() {
        var rules = new ComposerRules(2000, true)
                .withPrivateWindow(DAY)
                .withPrivateReplyWindow(new MessagingWindow(Duration.ofDays(7), "only within 7 days.", false));

        assertThat(rules.privateMessageClosed(true, NOW.minus(Duration.ofDays(3)), NOW))
                .isNull();
        assertThat(rules.privateMessageClosed(false, NOW.minus(Duration.ofDays(3)), NOW))
                .isNotNull();
    }

    @Test
    void aTemplateIsFilledInWithEveryVariableAndRefusedWithoutOne() {
        var template = new MessageTemplate("order_update", "en_US", "Hi {{1}}, order {{2}} ({{1}}) is on its way.");

        assertThat(template.variables()).isEqualTo(2);
        assertThat(template.fill(List.of("Pablo", "#5512"))).isEqualTo("Hi Pablo, order #5512 (Pablo) is on its way.");
        assertThat(template.choose(List.of(" Pablo ", "#5512", "extra")).variables())
                .containsExactly("Pablo", "#5512");
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> template.fill(List.of("Pablo", " ")))
                .withMessage("The template order_update needs a value for {{2}}.");
        assertThat(new MessageTemplate("thanks", "es", "Gracias $1 \\o/").fill(List.of()))
                .isEqualTo("Gracias $1 \\o/");
    }
}
