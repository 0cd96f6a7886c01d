package org.heard.channels.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heard.channels.bluesky.BlueskyConnectorContractTests.NOW;
import static org.heard.channels.bluesky.BlueskyNetwork.ACCESS;
import static org.heard.channels.bluesky.BlueskyNetwork.APP_PASSWORD;
import static org.heard.channels.bluesky.BlueskyNetwork.BRAND;
import static org.heard.channels.bluesky.BlueskyNetwork.REFRESH;
import static org.heard.channels.bluesky.BlueskyNetwork.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BlueskyConnectorTests {

    private static final String LIST = "/xrpc/app.bsky.notification.listNotifications";
    private static final String PARENT = "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbtqdq5m4s2f";
    private static final String ROOT = "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbtqa2mxwk2v";

    private final WireMockServer pds =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private BlueskyConnector connector;

    @BeforeEach
    void start() {
        pds.start();
        connector = new BlueskyConnector(
                HttpClient.newHttpClient(),
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                "https://bsky.social",
                Duration.ofSeconds(30));
        BlueskyNetwork.chatIsQuiet(pds);
    }

    @AfterEach
    void stop() {
        pds.stop();
    }

    @Test
    void connectingSignsInAndNamesTheAccountByItsDidAndHandle() {
        BlueskyNetwork.signsIn(pds);

        var connected = connector.connect(new AccountSetup(account().credentials(), "unused", "unused"));

        assertThat(connected.externalId()).isEqualTo(BRAND);
        assertThat(connected.name()).isEqualTo("@heardbrand.bsky.social");
        pds.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                .withRequestBody(matchingJsonPath("$.identifier", equalTo("heardbrand.bsky.social")))
                .withRequestBody(matchingJsonPath("$.password", equalTo(APP_PASSWORD))));
    }

    @Test
    void aWrongAppPasswordShowsBlueskysReasonAndNotThePassword() {
        pds.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                .willReturn(json(
                        401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));

        assertThatThrownBy(() -> connector.connect(new AccountSetup(account().credentials(), "unused", "unused")))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("Invalid identifier or password")
                .hasMessageNotContaining(APP_PASSWORD);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallMadeAgain() throws SendFailed {
        BlueskyNetwork.signsIn(pds);
        pds.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.refreshSession"))
                .withHeader("Authorization", equalTo("Bearer " + REFRESH))
                .willReturn(json(200, BlueskyNetwork.session("access-two", "refresh-two"))));
        pds.stubFor(get(urlPathEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));
        pds.stubFor(get(urlPathEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer access-two"))
                .willReturn(json(200, page("message.json"))));

        assertThat(connector.poll(account(), null).deliveries()).hasSize(1);
        assertThat(connector.poll(account(), null).deliveries()).hasSize(1);

        pds.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession")));
        pds.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.refreshSession")));
    }

    @Test
    void anExpiredRefreshTokenSignsInAgain() throws SendFailed {
        pds.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                .inScenario("sign-in")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("again")
                .willReturn(json(200, BlueskyNetwork.session(ACCESS, REFRESH))));
        pds.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                .inScenario("sign-in")
                .whenScenarioStateIs("again")
                .willReturn(json(200, BlueskyNetwork.session("access-three", "refresh-three"))));
        pds.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.refreshSession"))
                .willReturn(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));
        pds.stubFor(get(urlPathEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));
        pds.stubFor(get(urlPathEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer access-three"))
                .willReturn(json(200, page("message.json"))));

        assertThat(connector.poll(account(), null).deliveries()).hasSize(1);
        pds.verify(2, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession")));
    }

    @Test
    void laterPollsReadBackToTheCursorAndMoveItToTheNewestNotification() throws SendFailed {
        BlueskyNetwork.signsIn(pds);
        pds.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("cursor", absent())
                .willReturn(json(
                        200,
                        page("unknown-event.json")
                                .replace("\"cursor\": \"2026-11-23T08:03:40.521Z\"", "\"cursor\": \"p2\""))));
        pds.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("cursor", equalTo("p2"))
                .willReturn(json(200, page("reply.json"))));
        pds.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("cursor", equalTo("2026-11-23T08:02:11.690Z"))
                .willReturn(json(200, page("message.json"))));

        var poll = connector.poll(account(), "2026-11-23T08:00:00Z");

        // The mention of 07:49 on the third page is older than the cursor: seen by an earlier poll.
        assertThat(poll.deliveries()).extracting(d -> d.externalId()).containsExactly(PARENT);
        pds.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
        assertThat(BlueskyCursor.parse(poll.cursor(), JsonMapper.builder().build())
                        .notifications())
                .isEqualTo("2026-11-23T08:03:40.521Z");
        assertThat(poll.next()).isEqualTo(Duration.ofSeconds(30));
        pds.verify(getRequestedFor(urlPathEqualTo(LIST))
                .withQueryParam("reasons", equalTo("mention"))
                .withQueryParam("limit", equalTo("50")));
    }

    @Test
    void notificationsOlderThanTheCursorAreNotDeliveredAgain() throws SendFailed {
        BlueskyNetwork.signsIn(pds);
        pds.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200, page("message.json"))));

        var poll = connector.poll(account(), "2026-11-23T07:50:00Z");

        assertThat(poll.deliveries()).isEmpty();
        assertThat(BlueskyCursor.parse(poll.cursor(), JsonMapper.builder().build())
                        .notifications())
                .isEqualTo("2026-11-23T07:50:00Z");
        pds.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void waitsForTheRateLimitWindowWhenFewCallsAreLeft() throws SendFailed {
        BlueskyNetwork.signsIn(pds);
        pds.stubFor(get(urlPathEqualTo(LIST))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ratelimit-remaining", "3")
                        .withHeader("ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 240))
                        .withBody(page("message.json"))));

        assertThat(connector.poll(account(), null).next()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void aReplyToAReplyKeepsTheThreadsRootFromTheParentsRecord() throws SendFailed {
        BlueskyNetwork.signsIn(pds);
        BlueskyNetwork.hasNoEarlierTry(pds);
        BlueskyNetwork.showsPost(
                pds,
                PARENT,
                "bafyreifqx3d4p6f4bdbq7gy2atmvl6ccvyf6qc2pywtqrp7wvk3y6r5nxe",
                "{\"root\":{\"uri\":\"" + ROOT
                        + "\",\"cid\":\"bafyreiclp443lavogvhj3d2ob2cxbfuscni2k5jk7bebjzg7khl3esabwq\"},"
                        + "\"parent\":{\"uri\":\"" + ROOT
                        + "\",\"cid\":\"bafyreiclp443lavogvhj3d2ob2cxbfuscni2k5jk7bebjzg7khl3esabwq\"}}");
        pds.stubFor(post(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .willReturn(json(200, BlueskyNetwork.created("3kq2vdkhtxq2a"))));

        connector.send(reply(PARENT, Visibility.PUBLIC, "Glad it arrived! 🎉 https://heard.example/t/4471"), account());

        pds.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.uri", equalTo(PARENT)))
                .withRequestBody(matchingJsonPath(
                        "$.record.reply.parent.cid",
                        equalTo("bafyreifqx3d4p6f4bdbq7gy2atmvl6ccvyf6qc2pywtqrp7wvk3y6r5nxe")))
                .withRequestBody(matchingJsonPath("$.record.reply.root.uri", equalTo(ROOT)))
                .withRequestBody(matchingJsonPath("$.record.facets[0].index.byteStart", equalTo("22")))
                .withRequestBody(matchingJsonPath(
                        "$.record.facets[0].features[0].uri", equalTo("https://heard.example/t/4471"))));
    }

    @Test
    void aReplyThatReachedBlueskyBeforeIsNotPostedAgain() throws SendFailed {
        BlueskyNetwork.signsIn(pds);
        var message = reply(PARENT, Visibility.PUBLIC, "Hello again");
        var rkey = RecordKey.of(message.idempotencyKey());
        pds.stubFor(
                get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                        .withQueryParam("rkey", equalTo(rkey))
                        .willReturn(
                                json(
                                        200,
                                        "{\"uri\":\"at://" + BRAND + "/app.bsky.feed.post/" + rkey
                                                + "\",\"cid\":\"bafyreib\",\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Hello again\",\"createdAt\":\"2026-11-23T07:59:00Z\"}}")));

        assertThat(connector.send(message, account())).isEqualTo("at://" + BRAND + "/app.bsky.feed.post/" + rkey);
        pds.verify(0, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord")));
    }

    private ChannelAccount account() {
        return BlueskyNetwork.account(pds.baseUrl());
    }

    private static OutboundMessage reply(String inReplyTo, Visibility visibility, String text) {
        return new OutboundMessage(
                "bluesky",
                BRAND,
                "reply-" + text.hashCode(),
                1,
                text,
                visibility,
                inReplyTo,
                visibility == Visibility.PRIVATE ? "did:plc:z72i7hdynmk6r22z27h6tvur" : null);
    }

    private String page(String name) {
        try (var in = getClass().getResourceAsStream("/fixtures/bluesky/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
