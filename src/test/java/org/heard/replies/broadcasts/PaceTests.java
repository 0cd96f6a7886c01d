package org.heard.replies.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;

class PaceTests {

    @Test
    void aPaceIsCountOverTimeAndSpacesMessagesEvenly() {
        var pace = Pace.parse("150/3h");

        assertThat(pace.count()).isEqualTo(150);
        assertThat(pace.per()).isEqualTo(Duration.ofHours(3));
        assertThat(pace.interval()).isEqualTo(Duration.ofSeconds(72));
        assertThat(pace).hasToString("150/3h");
        assertThat(Pace.parse(" 5 / 1s ").interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(Pace.parse("1/10s").slowerThan(Pace.parse("20/1s"))).isTrue();
        assertThat(Pace.parse("400/24h")).hasToString("400/1d");
    }

    @Test
    void somethingElseIsRefusedWithHowToWriteIt() {
        for (var wrong : new String[] {"fast", "10", "10/", "/1s", "0/1s", "-3/1s", "5/0s", "5/soon"}) {
            assertThatThrownBy(() -> Pace.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(Refused.class)
                    .hasMessageContaining("30/1s");
        }
    }

    @Test
    void eachNetworkHasADefaultThatConfigurationReplaces() {
        var paces = new BroadcastPaces(Map.of("x", "50/24h", "Telegram", "10/1s"));

        assertThat(paces.of("x")).isEqualTo(Pace.parse("50/24h"));
        assertThat(paces.of("telegram")).isEqualTo(Pace.parse("10/1s"));
        assertThat(paces.of("mastodon")).isEqualTo(Pace.parse("150/3h"));
        assertThat(paces.of("sandbox")).isEqualTo(Pace.parse("20/1s"));
        assertThat(paces.of("carrier-pigeon")).isEqualTo(Pace.parse("1/1s"));
        assertThatThrownBy(() -> new BroadcastPaces(Map.of("x", "lots")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("heard.replies.broadcasts.pace.x: ");
    }
}
