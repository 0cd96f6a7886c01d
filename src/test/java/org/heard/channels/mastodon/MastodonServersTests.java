package org.heard.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.NOW;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.TOKEN;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ComposerRules;
import org.heard.channels.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each account's composer limit comes from its own server's {@code max_characters}. */
class MastodonServersTests {

    private final WireMockServer mastodon =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private MastodonConnector connector;

    @BeforeEach
    void start() {
        mastodon.start();
        connector = new MastodonConnector(
                HttpClient.newHttpClient(),
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(20));
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .willReturn(json(200, MastodonFixtures.account("14715", "heardbrand"))));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(json(200, "[]")));
    }

    @AfterEach
    void stop() {
        mastodon.stop();
    }

    @Test
    void anAccountOnAServerThatAllowsLongerStatusesGetsItsServersLimitOnceConnected() {
        servesInstance(5000);
        assertThat(connector.rulesFor(account()))
                .isEqualTo(new ComposerRules(500, true, ComposerRules.Counting.GRAPHEMES).withPrivateThreading());

        connector.connect(new AccountSetup(account().credentials(), "unused", "unused"));

        assertThat(connector.rulesFor(account()))
                .isEqualTo(new ComposerRules(5000, true, ComposerRules.Counting.GRAPHEMES).withPrivateThreading());
        assertThat(connector.rules().maxLength()).isEqualTo(500);
    }

    @Test
    void afterARestartTheFirstPollReadsTheServersLimitAndLaterPollsDoNotAskAgain() throws Exception {
        servesInstance(1000);

        connector.poll(account(), null);
        connector.poll(account(), "104");

        assertThat(connector.rulesFor(account()).maxLength()).isEqualTo(1000);
        mastodon.verify(1, getRequestedFor(urlEqualTo("/api/v2/instance")));
    }

    @Test
    void anAccountOnAnotherServerKeepsItsOwnLimit() {
        servesInstance(5000);
        connector.connect(new AccountSetup(account().credentials(), "unused", "unused"));

        var elsewhere = new ChannelAccount(
                8,
                "mastodon",
                "k8",
                "1",
                "@care",
                null,
                Credentials.of(
                        Map.of(MastodonApi.INSTANCE_URL, "https://mastodon.example", MastodonApi.ACCESS_TOKEN, TOKEN)));

        assertThat(connector.rulesFor(elsewhere).maxLength()).isEqualTo(500);
    }

    @Test
    void aServerThatDoesNotSayKeepsMastodonsDefault() {
        mastodon.stubFor(get(urlEqualTo("/api/v2/instance")).willReturn(json(503, "")));

        connector.connect(new AccountSetup(account().credentials(), "unused", "unused"));

        assertThat(connector.rulesFor(account()).maxLength()).isEqualTo(500);
    }

    private void servesInstance(int maxCharacters) {
        mastodon.stubFor(get(urlEqualTo("/api/v2/instance"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(json(200, MastodonFixtures.instance(maxCharacters, "wss://streaming.mastodon.example"))));
    }

    private ChannelAccount account() {
        return new ChannelAccount(
                7,
                "mastodon",
                "k7",
                "14715",
                "@heardbrand",
                null,
                Credentials.of(Map.of(MastodonApi.INSTANCE_URL, mastodon.baseUrl(), MastodonApi.ACCESS_TOKEN, TOKEN)));
    }
}
