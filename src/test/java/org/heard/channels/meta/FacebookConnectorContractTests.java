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

/** A Page comment answered in its thread; Messenger conversations are covered by {@link FacebookConnectorTests}. */
class FacebookConnectorContractTests extends ChannelConnectorContract {

    static final String PAGE_ID = "103542965071234";
    static final String TOKEN = "EAAGm0PX4ZCpsBApage-access-token";
    static final String APP_SECRET = "facebook-contract-app-secret";
    static final String VERIFY_TOKEN = "verify-token-for-the-page";
    private static final String COMMENT_ID = "122145678901234567_1098765432109876";
    private static final String SENT_ID = "122145678901234567_1098765432144444";

    static ChannelAccount pageAccount(boolean humanAgentTag) {
        return new ChannelAccount(
                8,
                "facebook",
                "p4ge",
                PAGE_ID,
                "Heard Shop",
                VERIFY_TOKEN,
                Credentials.of(Map.of(
                        "page_id", PAGE_ID,
                        "access_token", TOKEN,
                        "app_secret", APP_SECRET,
                        "human_agent_tag", String.valueOf(humanAgentTag))));
    }

    static FacebookConnector facebook(String baseUrl) {
        var json = JsonMapper.builder().build();
        return new FacebookConnector(json, new GraphApi(json, baseUrl, "v26.0"));
    }

    @Override
    protected String network() {
        return "facebook";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return facebook(baseUrl);
    }

    @Override
    protected ChannelAccount account() {
        return pageAccount(false);
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return MetaWebhookRequests.signedWith(APP_SECRET, body, account());
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return new WebhookRequest(headers(), Map.of(), body, account());
    }

    @Override
    protected Optional<Challenge> challenge() {
        return MetaWebhookRequests.subscription(VERIFY_TOKEN, "CHALLENGE_7", account());
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                COMMENT_ID,
                "6843210987654321",
                "My order 4471 is two weeks late and nobody answers email",
                Visibility.PUBLIC);
    }

    @Override
    protected String expectedInReplyTo() {
        return COMMENT_ID;
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/v26.0/" + COMMENT_ID + "/comments"));
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
        network.verify(postRequestedFor(urlEqualTo("/v26.0/" + COMMENT_ID + "/comments"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("access_token", absent())
                .withRequestBody(matchingJsonPath("$.message", equalTo(reply.text()))));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\"" + PAGE_ID + "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":4,"
                                + "\"total_time\":6,\"estimated_time_to_regain_access\":7}]}")
                .withBody("""
                        {"error":{"message":"(#32) Page request limit reached","type":"OAuthException","code":32,
                         "fbtrace_id":"A7Xb0kq1sLd"}}""");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofMinutes(7);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"(#100) This comment has been deleted and can no longer be answered",
                         "type":"OAuthException","code":100,"error_subcode":33,"fbtrace_id":"A7Xb0kq1sLd"}}""");
    }

    @Override
    protected String expectedRefusalReason() {
        return "This comment has been deleted and can no longer be answered";
    }
}
