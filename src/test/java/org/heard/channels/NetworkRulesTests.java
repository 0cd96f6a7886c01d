package org.heard.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.heard.channels.ComposerRules.Counting;
import org.junit.jupiter.api.Test;

class NetworkRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterIsNeverNegativeNorLongerThanAnHour() {
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("86400", NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }

    @Test
    void rateLimitResetIsReadAsEpochSeconds() {
        var reset = String.valueOf(NOW.plusSeconds(900).getEpochSecond());
        assertThat(RetryAfter.untilEpochSeconds(reset, NOW)).isEqualTo(Duration.ofMinutes(15));
        assertThat(RetryAfter.untilEpochSeconds("not a number", NOW)).isNull();
    }

    @Test
    void networksCountCharactersTheirOwnWay() {
        var family = "👨‍👩‍👧"; // one grapheme, five code points, eight UTF-16 units
        assertThat(new ComposerRules(300, false, Counting.GRAPHEMES).length(family))
                .isEqualTo(1);
        assertThat(new ComposerRules(500, false, Counting.CODE_POINTS).length(family))
                .isEqualTo(5);
        assertThat(new ComposerRules(500, false, Counting.UTF16).length(family)).isEqualTo(8);
        assertThat(new ComposerRules(300, false, Counting.GRAPHEMES).length("🇳🇱 ok"))
                .isEqualTo(4);
    }

    @Test
    void credentialsNeverPrintTheirValues() {
        var credentials = Credentials.of(Map.of("bot_token", "123:secret-token", "app_secret", "s3cr3t", "blank", " "));
        var account = new ChannelAccount(1, "telegram", "k", "123", "Bot", "verify", credentials);

        assertThat(credentials.toString()).contains("bot_token").doesNotContain("secret-token", "s3cr3t");
        assertThat(account.toString()).doesNotContain("secret-token", "s3cr3t");
        assertThat(new AccountSetup(credentials, "https://heard.example/hooks/telegram/k", "v").toString())
                .doesNotContain("secret-token");
        assertThat(credentials.get("bot_token")).isEqualTo("123:secret-token");
        assertThat(credentials.find("blank")).isEmpty();
    }

    @Test
    void aMissingCredentialSaysWhichOneToEnter() {
        assertThatThrownBy(() -> Credentials.none().get("bot_token"))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("bot_token");
    }

    @Test
    void sendFailuresSayWhetherToTryAgainAndWhen() {
        var later = SendFailed.later("429 Too Many Requests", Duration.ofSeconds(30));
        assertThat(later.retryable()).isTrue();
        assertThat(later.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(SendFailed.refused("400 chat not found").retryable()).isFalse();
    }

    @Test
    void aWebhookWithoutAnAccountIsRefusedWhereOneIsNeeded() {
        var request = new WebhookRequest(Map.of(), Map.of(), new byte[0]);
        assertThatThrownBy(request::requireAccount).isInstanceOf(WebhookRejected.class);
    }
}
