package org.heard.channels.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ChannelConnectorContract;
import org.heard.channels.Credentials;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import tools.jackson.databind.json.JsonMapper;

/** A comment answered in its thread; direct messages are covered by {@link InstagramConnectorTests}. */
class InstagramConnectorContractTests extends ChannelConnectorContract {

    static final String ACCOUNT_ID = "17841405822304914";
    static final String TOKEN = "EAAGm0PX4ZCpsBAinstagram-page-token";
    static final String APP_SECRET = "instagram-contract-app-secret";
    private static final String COMMENT_ID = "17865799348089039";
    private static final String SENT_ID = "17865799348089999";

    static ChannelAccount instagramAccount(boolean humanAgentTag) {
        return new ChannelAccount(
                9,
                "instagram",
                "1nsta",
                ACCOUNT_ID,
                "@heardshop",
                "verify-token-for-instagram",
                Credentials.of(Map.of(
                        "instagram_account_id", ACCOUNT_ID,
                        "access_token", TOKEN,
                        "app_secret", APP_SECRET,
                        "human_agent_tag", String.valueOf(humanAgentTag))));
    }

    static InstagramConnector instagram(String baseUrl) {
        var json = JsonMapper.builder().build();
        return new InstagramConnector(json, new GraphApi(json, baseUrl, "v26.0"));
    }

    @Override
    protected String network() {
        return "instagram";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return instagram(baseUrl);
    }

    @Override
    protected ChannelAccount account() {
        return instagramAccount(false);
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return MetaWebhookRequests.signedWith(APP_SECRET, body, account());
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return MetaWebhookRequests.signedWith("another-apps-secret", body, account());
    }

    @Override
    protected Optional<Challenge> challenge() {
        return MetaWebhookRequests.subscription("verify-token-for-instagram", "99887766", account());
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                COMMENT_ID, "1784140580000123", "@heardshop my order 4471 never arrived", Visibility.PUBLIC);
    }

    @Override
    protected String expectedInReplyTo() {
        return COMMENT_ID;
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/v26.0/" + COMMENT_ID + "/replies"));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + SENT_ID + "\"}");
    }

    @Override
    protected String expectedSentId() {
        return SENT_ID;
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo("/v26.0/" + COMMENT_ID + "/replies"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("access_token", absent())
                .withRequestBody(matchingJsonPath("$.message", equalTo(reply.text()))));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "45")
                .withBody("""
                        {"error":{"message":"(#80002) There have been too many calls to this Instagram account.",
                         "type":"OAuthException","code":80002,"fbtrace_id":"Ah1bXv0kD3s"}}""");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofSeconds(45);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"Comments on this media have been turned off","type":"OAuthException",
                         "code":100,"error_subcode":2534023,"is_transient":false,"fbtrace_id":"Ah1bXv0kD3s"}}""");
    }

    @Override
    protected String expectedRefusalReason() {
        return "Comments on this media have been turned off";
    }
}
