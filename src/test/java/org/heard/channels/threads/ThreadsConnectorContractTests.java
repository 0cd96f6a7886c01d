package org.heard.channels.threads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ChannelConnectorContract;
import org.heard.channels.Credentials;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.heard.channels.meta.MetaSignature;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/** A mention and a reply from Threads' webhooks, answered in the thread in two publishing steps. */
class ThreadsConnectorContractTests extends ChannelConnectorContract {

    static final String USER_ID = "25190338776524119";
    static final String TOKEN = "THAAGm0PX4ZCpsBAthreads-user-token";
    static final String APP_SECRET = "threads-contract-app-secret";
    static final String VERIFY_TOKEN = "verify-token-for-threads";
    static final Instant NOW = Instant.parse("2026-07-16T13:00:00Z");
    private static final String MENTION_ID = "18063471209356124";
    private static final String CREATION_ID = "17889615691921648";
    private static final String SENT_ID = "18063502288810457";

    static ChannelAccount threadsAccount() {
        return new ChannelAccount(
                11,
                "threads",
                "thr3ads",
                USER_ID,
                "@heardshop",
                VERIFY_TOKEN,
                Credentials.of(Map.of("access_token", TOKEN, "app_secret", APP_SECRET)));
    }

    static ThreadsConnector threads(String baseUrl) {
        return new ThreadsConnector(
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                baseUrl,
                "v1.0",
                Duration.ofSeconds(60),
                2,
                Duration.ofHours(24));
    }

    static WebhookRequest signedFor(ChannelAccount account, byte[] body) {
        return new WebhookRequest(
                headers(MetaSignature.HEADER, new MetaSignature(APP_SECRET).sign(body)), Map.of(), body, account);
    }

    /** Before every reply Heard looks for one an earlier attempt published; here there is none. */
    @BeforeEach
    void noEarlierReply() {
        network.stubFor(get(urlPathEqualTo("/v1.0/" + MENTION_ID + "/replies")).willReturn(okJson("{\"data\":[]}")));
        network.stubFor(post(urlEqualTo("/v1.0/" + USER_ID + "/threads_publish"))
                .willReturn(okJson("{\"id\":\"" + SENT_ID + "\"}")));
    }

    @Override
    protected String network() {
        return "threads";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return threads(baseUrl);
    }

    @Override
    protected ChannelAccount account() {
        return threadsAccount();
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return signedFor(account(), body);
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return new WebhookRequest(
                headers(MetaSignature.HEADER, new MetaSignature("another-apps-secret").sign(body)),
                Map.of(),
                body,
                account());
    }

    @Override
    protected Optional<Challenge> challenge() {
        var query = Map.of("hub.mode", "subscribe", "hub.verify_token", VERIFY_TOKEN, "hub.challenge", "1158201444");
        return Optional.of(new Challenge(new WebhookRequest(Map.of(), query, new byte[0], account()), "1158201444"));
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                MENTION_ID,
                "marta.kowalska",
                "@heardshop my order 4471 still hasn't shipped, two weeks now \uD83D\uDE15",
                Visibility.PUBLIC);
    }

    /** The fixture keeps Meta's {@code \ud83d\ude15} escape, so the emoji itself is not in the raw body. */
    @Override
    protected String textInFixture() {
        return "my order 4471 still hasn't shipped";
    }

    @Override
    protected String expectedInReplyTo() {
        return "18041127730512984";
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/v1.0/" + USER_ID + "/threads"));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return okJson("{\"id\":\"" + CREATION_ID + "\"}");
    }

    @Override
    protected String expectedSentId() {
        return SENT_ID;
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo("/v1.0/" + USER_ID + "/threads"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("access_token", absent())
                .withRequestBody(containing("media_type=TEXT"))
                .withRequestBody(containing("reply_to_id=" + MENTION_ID))
                .withRequestBody(containing("text=" + URLEncoder.encode(reply.text(), StandardCharsets.UTF_8))));
        network.verify(postRequestedFor(urlEqualTo("/v1.0/" + USER_ID + "/threads_publish"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalTo("creation_id=" + CREATION_ID)));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "120")
                .withBody("""
                        {"error":{"message":"Application request limit reached","type":"OAuthException",
                         "is_transient":true,"code":4,"fbtrace_id":"AHx0cTbJ3uQ1"}}""");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"Invalid parameter","type":"THApiException","code":100,
                         "error_user_title":"Media Not Found",
                         "error_user_msg":"The media you are replying to cannot be found.",
                         "fbtrace_id":"AHx0cTbJ3uQ2"}}""");
    }

    @Override
    protected String expectedRefusalReason() {
        return "The media you are replying to cannot be found.";
    }
}
