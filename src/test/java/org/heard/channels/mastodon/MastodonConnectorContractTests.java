package org.heard.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

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
import org.heard.channels.Credentials;
import org.heard.channels.InboundDelivery;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon passes the contract by polling: each fixture is served by the network double as the answer
 * to {@code GET /api/v1/notifications}, and Heard's poll reads it. Mastodon sends no webhooks, so every
 * webhook, signed or not, is refused.
 *
 * <p>{@code message.json} is a reply from a Misskey account, whose server tells Mastodon of the
 * mention in the note's tags rather than its text: the one real shape whose plain text appears as it
 * is in the HTML, which the contract's tampering check needs. Mentions written into the HTML, links and
 * entities are read in {@link MastodonConnectorTests}.
 */
class MastodonConnectorContractTests extends ChannelConnectorContract {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String TOKEN = "mastodon-contract-access-token";

    @Override
    protected String network() {
        return "mastodon";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return new MastodonConnector(
                HttpClient.newHttpClient(),
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(20));
    }

    @Override
    protected ChannelAccount account() {
        return new ChannelAccount(
                7,
                "mastodon",
                "k7",
                "14715",
                "@heardbrand",
                null,
                Credentials.of(Map.of(MastodonApi.INSTANCE_URL, network.baseUrl(), MastodonApi.ACCESS_TOKEN, TOKEN)));
    }

    @BeforeEach
    void theAnsweredStatusCanBeLookedUp() {
        network.stubFor(get(urlEqualTo("/api/v1/statuses/103186126728896492"))
                .willReturn(
                        json(200, MastodonFixtures.status("103186126728896492", "public", "maria_g@misskey.example"))));
    }

    @Override
    protected List<InboundDelivery> deliveries(byte[] fixture) {
        network.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Remaining", "299")
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
        return new Expected("103186126728896492", "971724", "my order #4471 is late, can you help?", Visibility.PUBLIC);
    }

    @Override
    protected String expectedInReplyTo() {
        return "103186150031298877";
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/api/v1/statuses"));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return json(200, MastodonFixtures.status("103254962155278888", "public", "heardbrand"));
    }

    @Override
    protected String expectedSentId() {
        return "103254962155278888";
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Idempotency-Key", equalTo(reply.idempotencyKey()))
                .withFormParam("status", equalTo("@maria_g@misskey.example " + reply.text()))
                .withFormParam("in_reply_to_id", equalTo("103186126728896492"))
                .withFormParam("visibility", equalTo("public")));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return json(429, "{\"error\":\"Too many requests\"}")
                .withHeader("X-RateLimit-Limit", "300")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "2026-11-23T08:01:37.019685Z");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofSeconds(97).plusNanos(19_685_000);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return json(422, "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}");
    }

    @Override
    protected String expectedRefusalReason() {
        return "Validation failed: Text character limit of 500 exceeded";
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
