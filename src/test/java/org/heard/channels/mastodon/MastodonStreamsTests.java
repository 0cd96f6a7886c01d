package org.heard.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.NOW;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.TOKEN;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live notification stream lets Heard's poll read a mention within seconds and spares the REST API
 * while nothing arrives; without a stream, polling goes on as before.
 */
class MastodonStreamsTests {

    private static final String NOTIFICATIONS = "/api/v1/notifications";
    private static final String STREAM = "/api/v1/streaming/user/notification";
    private static final Duration CHECK = Duration.ofSeconds(2);

    private final WireMockServer mastodon =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final MovingClock clock = new MovingClock();
    private final HttpClient http = HttpClient.newHttpClient();
    private MastodonConnector connector;

    @BeforeEach
    void start() {
        mastodon.start();
        connector = new MastodonConnector(http, JsonMapper.builder().build(), clock, Duration.ofSeconds(20), CHECK);
        mastodon.stubFor(get(urlEqualTo("/api/v2/instance"))
                .willReturn(json(
                        200, MastodonFixtures.instance(500, mastodon.baseUrl().replace("http", "ws")))));
        mastodon.stubFor(get(urlPathEqualTo(NOTIFICATIONS)).willReturn(json(200, "[]")));
    }

    @AfterEach
    void stop() {
        connector.close();
        mastodon.stop();
    }

    @Test
    void whileTheStreamIsQuietPollsComeOftenButDoNotCallTheRestApiUntilTheIntervalPassed() throws Exception {
        streams(":)\n");

        connector.poll(account(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> connector.listening(account()));
        clock.add(Duration.ofSeconds(3));
        var quiet = connector.poll(account(), "104");

        assertThat(quiet.deliveries()).isEmpty();
        assertThat(quiet.cursor()).isEqualTo("104");
        assertThat(quiet.next()).isEqualTo(CHECK);
        mastodon.verify(1, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));

        clock.add(Duration.ofSeconds(18));
        connector.poll(account(), "104");
        mastodon.verify(2, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
        mastodon.verify(1, getRequestedFor(urlEqualTo(STREAM)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aNotificationOnTheStreamMakesTheNextPollReadTheMentionsAtOnce() throws Exception {
        streams(
                ":)\n\nevent: notification\ndata: {\"id\":\"105\",\"type\":\"mention\",\"created_at\":\"2026-11-23T08:00:01.000Z\"}\n\n");

        connector.poll(account(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> connector.listening(account()));
        await().atMost(Duration.ofSeconds(5)).until(() -> arrivedAndPolled());

        mastodon.verify(2, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    @Test
    void withoutAStreamPollingGoesOnAtItsInterval() throws Exception {
        mastodon.stubFor(get(urlEqualTo(STREAM))
                .willReturn(json(401, "{\"error\":\"This method requires an authenticated user\"}")));

        var first = connector.poll(account(), null);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        !mastodon.findAll(getRequestedFor(urlEqualTo(STREAM))).isEmpty());
        assertThat(connector.listening(account())).isFalse();

        assertThat(first.next()).isEqualTo(Duration.ofSeconds(20));
        clock.add(Duration.ofSeconds(3));
        connector.poll(account(), "104");
        mastodon.verify(2, getRequestedFor(urlPathEqualTo(NOTIFICATIONS)));
    }

    /** Polls a little after the first, as the poller would; true once the stream's news made it read. */
    private boolean arrivedAndPolled() throws Exception {
        clock.add(Duration.ofMillis(100));
        connector.poll(account(), "104");
        return mastodon.findAll(getRequestedFor(urlPathEqualTo(NOTIFICATIONS))).size() >= 2;
    }

    /** The server's stream: the body, sent slowly so the connection stays open for a while. */
    private void streams(String body) {
        mastodon.stubFor(get(urlEqualTo(STREAM))
                .withHeader("Accept", equalTo("text/event-stream"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(body + ":)\n".repeat(2000))
                        .withChunkedDribbleDelay(60, 20_000)));
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

    private static final class MovingClock extends Clock {

        private volatile Instant now = NOW;

        void add(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
