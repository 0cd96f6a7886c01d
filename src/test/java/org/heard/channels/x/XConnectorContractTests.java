package org.heard.channels.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ChannelConnectorContract;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The X connector on its Account Activity path, fed with the webhook bodies X documents
 * (https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/account-activity-data-objects).
 *
 * <p>X's Challenge-Response Check carries no verify token: any {@code crc_token} deserves its HMAC,
 * which proves only that Heard knows the consumer secret. The contract's check "a wrong verify token is
 * not answered" therefore has nothing to hold on to, so {@link #challenge()} stays empty and the CRC is
 * checked against X's algorithm in the tests below.
 */
class XConnectorContractTests extends ChannelConnectorContract {

    static final Instant NOW = Instant.parse("2026-11-23T18:15:00Z");
    static final String BRAND = "2244994945";
    static final String TOKEN = "bXlVc2VyQWNjZXNzVG9rZW4tZm9yLWhlYXJkYnJhbmQ";
    static final String SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";

    @Override
    protected String network() {
        return "x";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return new XConnector(
                JsonMapper.builder().build(),
                new XSettings(URI.create(baseUrl), 10_000, Duration.ofMinutes(1), 5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    protected ChannelAccount account() {
        return account(Map.of(
                XCredentials.ACCESS_TOKEN,
                TOKEN,
                XCredentials.CONSUMER_SECRET,
                SECRET,
                XCredentials.ACCOUNT_ACTIVITY,
                "yes",
                XCredentials.BRAND_TERMS,
                "Heard"));
    }

    static ChannelAccount account(Map<String, String> credentials) {
        return new ChannelAccount(7, "x", "f3kq9", BRAND, "@heardbrand", null, Credentials.of(credentials));
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return new WebhookRequest(
                headers(XSignature.HEADER, new XSignature(SECRET).sign(body)), Map.of(), body, account());
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return new WebhookRequest(
                headers(XSignature.HEADER, new XSignature("guessed-secret").sign(body)), Map.of(), body, account());
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected("1862561800310784001", "6253282", "@heardbrand my order #4471 is late", Visibility.PUBLIC);
    }

    @Override
    protected String expectedInReplyTo() {
        return "1862563107557130240";
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/2/tweets"));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("""
                        {"data":{"id":"1862600000000000901","text":"@maria_g Sorry about that, we are on it. Ana",
                        "edit_history_tweet_ids":["1862600000000000901"]}}""");
    }

    @Override
    protected String expectedSentId() {
        return "1862600000000000901";
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1862561800310784001")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(reply.text()))));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return aResponse()
                .withStatus(429)
                .withHeader("x-rate-limit-limit", "100")
                .withHeader("x-rate-limit-remaining", "0")
                .withHeader(
                        "x-rate-limit-reset",
                        String.valueOf(NOW.plusSeconds(600).getEpochSecond()))
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofSeconds(600);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return aResponse()
                .withStatus(403)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                        + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
    }

    @Override
    protected String expectedRefusalReason() {
        return "You are not allowed to create a Tweet with duplicate content.";
    }

    @Test
    void theCrcAnswerIsBase64HmacSha256OfTheTokenKeyedWithTheConsumerSecret() throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var expected = "sha256="
                + java.util.Base64.getEncoder()
                        .encodeToString(mac.doFinal("crc-1700000000".getBytes(StandardCharsets.UTF_8)));

        var check = new WebhookRequest(Map.of(), Map.of("crc_token", "crc-1700000000"), new byte[0], account());

        assertThat(connector.answerChallenge(check)).contains("{\"response_token\":\"" + expected + "\"}");
    }

    @Test
    void anAccountWithoutAccountActivityNeitherAnswersChecksNorTakesWebhooks() {
        var pollingOnly = account(Map.of(XCredentials.ACCESS_TOKEN, TOKEN, XCredentials.ACCOUNT_ACTIVITY, "no"));
        var check = new WebhookRequest(Map.of(), Map.of("crc_token", "abc"), new byte[0], pollingOnly);
        var body = fixture("message.json");
        var delivery = new WebhookRequest(
                headers(XSignature.HEADER, new XSignature(SECRET).sign(body)), Map.of(), body, pollingOnly);

        assertThatThrownBy(() -> connector.answerChallenge(check)).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> connector.verify(delivery)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void readsDirectMessagesPrivatelyAndIgnoresTheBrandsOwn() {
        var deliveries = deliveries(fixture("direct-message.json"));

        assertThat(deliveries).hasSize(1);
        var message = connector.normalise(deliveries.getFirst());
        assertThat(message.externalId()).isEqualTo("1862570000000000001");
        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(message.author().handle()).isEqualTo("maria_g");
        assertThat(message.text()).isEqualTo("Order 4471, sent to Calle Feria 12");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1795536400000L));
    }

    @Test
    void keepsWhoWroteAndWhen() {
        var message = only(fixture("message.json"));

        assertThat(message.author().displayName()).isEqualTo("María García");
        assertThat(message.author().followers()).isEqualTo(12);
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T15:32:55Z"));
    }

    @Test
    void ignoresTheBrandsOwnPostsAndEventsForAnotherAccount() {
        var own = new String(fixture("message.json"), StandardCharsets.UTF_8)
                .replace("\"id_str\": \"6253282\"", "\"id_str\": \"" + BRAND + "\"")
                .getBytes(StandardCharsets.UTF_8);
        var other = new String(fixture("message.json"), StandardCharsets.UTF_8)
                .replace("\"for_user_id\": \"" + BRAND + "\"", "\"for_user_id\": \"783214\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(deliveries(own)).isEmpty();
        assertThat(deliveries(other)).isEmpty();
    }

    @Test
    void readsTheWholeTextOfALongPost() {
        var whole = "@heardbrand my order #4471 is late, the tracking page has said 'out for delivery' since Monday"
                + " and nobody answers the phone at the depot in Sevilla. Can someone look into it today please?";
        var body = new String(fixture("message.json"), StandardCharsets.UTF_8)
                .replace(
                        "\"truncated\": false,",
                        "\"truncated\": true, \"extended_tweet\": {\"full_text\": \"" + whole
                                + "\", \"display_text_range\": [0, 190]},")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(only(body).text()).isEqualTo(whole);
    }

    @Test
    void sendsAPrivateReplyAsADirectMessage() throws Exception {
        network.stubFor(
                post(urlEqualTo("/2/dm_conversations/with/6253282/messages"))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json; charset=utf-8")
                                        .withBody(
                                                "{\"data\":{\"dm_conversation_id\":\"2244994945-6253282\",\"dm_event_id\":\"1862600000000000950\"}}")));
        var reply = new OutboundMessage(
                "x", BRAND, "k-9", 43, "Could you send us your order number?", Visibility.PRIVATE, null, "6253282");

        assertThat(connector.send(reply, account())).isEqualTo("1862600000000000950");
        network.verify(postRequestedFor(urlEqualTo("/2/dm_conversations/with/6253282/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Could you send us your order number?"))));
    }

    @Test
    void countsRepliesTheWayXDoes() {
        assertThat(connector.rules().maxLength()).isEqualTo(280);
        assertThat(connector.rules().length("故人西辞黄鹤楼")).isEqualTo(14);
    }

    @Test
    void connectingAsksXWhoTheTokenBelongsTo() {
        network.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/2/users/me"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(
                                "{\"data\":{\"id\":\"2244994945\",\"name\":\"Heard\",\"username\":\"heardbrand\"}}")));

        var connected = connector.connect(
                new AccountSetup(account().credentials(), "https://heard.example/hooks/x/f3kq9", "v"));

        assertThat(connected.externalId()).isEqualTo(BRAND);
        assertThat(connected.name()).isEqualTo("@heardbrand");
    }

    @Test
    void aTokenXRefusesIsShownWithXsReasonAndNeverPrinted() {
        network.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/2/users/me"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));

        assertThatThrownBy(() -> connector.connect(
                        new AccountSetup(account().credentials(), "https://heard.example/hooks/x/f3kq9", "v")))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("Unauthorized")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void accountActivityCannotBeSwitchedOnWithoutTheSecretThatChecksIt() {
        var setup = new AccountSetup(
                Credentials.of(Map.of(XCredentials.ACCESS_TOKEN, TOKEN, XCredentials.ACCOUNT_ACTIVITY, "yes")),
                "u",
                "v");

        assertThatThrownBy(() -> connector.connect(setup))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("secret");
    }
}
