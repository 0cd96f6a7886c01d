package org.heard.channels.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.heard.channels.bluesky.BlueskyNetwork.ACCESS;
import static org.heard.channels.bluesky.BlueskyNetwork.BRAND;
import static org.heard.channels.bluesky.BlueskyNetwork.MENTION;
import static org.heard.channels.bluesky.BlueskyNetwork.MENTION_CID;
import static org.heard.channels.bluesky.BlueskyNetwork.json;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ChannelConnectorContract;
import org.heard.channels.InboundDelivery;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky passes the contract by polling: each fixture is the PDS double's answer to
 * {@code app.bsky.notification.listNotifications}. Bluesky sends no webhooks, so every webhook is refused.
 */
class BlueskyConnectorContractTests extends ChannelConnectorContract {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Override
    protected String network() {
        return "bluesky";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return new BlueskyConnector(
                HttpClient.newHttpClient(),
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                "https://bsky.social",
                Duration.ofSeconds(30));
    }

    @Override
    protected ChannelAccount account() {
        return BlueskyNetwork.account(network.baseUrl());
    }

    @BeforeEach
    void theNetworkKnowsTheAccountAndThePostAnswered() {
        BlueskyNetwork.signsIn(network);
        BlueskyNetwork.chatIsQuiet(network);
        BlueskyNetwork.hasNoEarlierTry(network);
        BlueskyNetwork.showsPost(network, MENTION, MENTION_CID, null);
    }

    @Override
    protected List<InboundDelivery> deliveries(byte[] fixture) {
        network.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture)));
        try {
            return connector.poll(account(), null).deliveries();
        } catch (SendFailed e) {
            throw new AssertionError("The poll failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return new WebhookRequest(headers("Content-Type", "application/json"), Map.of(), body, account());
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return new WebhookRequest(headers("Content-Type", "application/json"), Map.of(), body, null);
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                MENTION,
                "did:plc:z72i7hdynmk6r22z27h6tvur",
                "@heardbrand.bsky.social my order #4471 is late",
                Visibility.PUBLIC);
    }

    @Override
    protected String expectedInReplyTo() {
        return "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbtqa2mxwk2v";
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/xrpc/com.atproto.repo.createRecord"));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return json(200, BlueskyNetwork.created("3kq2vdkhtxq2a"));
    }

    @Override
    protected String expectedSentId() {
        return "at://" + BRAND + "/app.bsky.feed.post/3kq2vdkhtxq2a";
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .withRequestBody(matchingJsonPath("$.repo", equalTo(BRAND)))
                .withRequestBody(matchingJsonPath("$.collection", equalTo("app.bsky.feed.post")))
                .withRequestBody(matchingJsonPath("$.rkey", equalTo(RecordKey.of(reply.idempotencyKey()))))
                .withRequestBody(matchingJsonPath("$.record['$type']", equalTo("app.bsky.feed.post")))
                .withRequestBody(matchingJsonPath("$.record.text", equalTo(reply.text())))
                .withRequestBody(matchingJsonPath("$.record.createdAt", equalTo("2026-11-23T08:00:00Z")))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.uri", equalTo(MENTION)))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.cid", equalTo(MENTION_CID)))
                .withRequestBody(matchingJsonPath("$.record.reply.root.uri", equalTo(MENTION)))
                .withRequestBody(matchingJsonPath("$.record.reply.root.cid", equalTo(MENTION_CID))));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")
                .withHeader("ratelimit-limit", "5000")
                .withHeader("ratelimit-remaining", "0")
                .withHeader("ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 45))
                .withHeader("ratelimit-policy", "5000;w=3600");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofSeconds(45);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return json(
                400,
                "{\"error\":\"InvalidRequest\",\"message\":\"Invalid app.bsky.feed.post record:"
                        + " Record/text must not be longer than 300 graphemes\"}");
    }

    @Override
    protected String expectedRefusalReason() {
        return "Record/text must not be longer than 300 graphemes";
    }
}
