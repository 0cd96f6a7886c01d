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

class WhatsAppConnectorContractTests extends ChannelConnectorContract {

    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String TOKEN = "EAAGm0PX4ZCpsBAwhatsapp-system-user-token";
    static final String APP_SECRET = "whatsapp-contract-app-secret";
    static final String VERIFY_TOKEN = "verify-token-for-heard";
    private static final String SENT_ID = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

    static ChannelAccount whatsAppAccount() {
        return new ChannelAccount(
                7,
                "whatsapp",
                "k3y",
                PHONE_NUMBER_ID,
                "Heard Shop",
                VERIFY_TOKEN,
                Credentials.of(
                        Map.of("phone_number_id", PHONE_NUMBER_ID, "access_token", TOKEN, "app_secret", APP_SECRET)));
    }

    static WhatsAppConnector whatsApp(String baseUrl) {
        var json = JsonMapper.builder().build();
        return new WhatsAppConnector(json, new GraphApi(json, baseUrl, "v26.0"));
    }

    @Override
    protected String network() {
        return "whatsapp";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return whatsApp(baseUrl);
    }

    @Override
    protected ChannelAccount account() {
        return whatsAppAccount();
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return MetaWebhookRequests.signedWith(APP_SECRET, body, account());
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return MetaWebhookRequests.signedWith("guessed-app-secret", body, account());
    }

    @Override
    protected Optional<Challenge> challenge() {
        return MetaWebhookRequests.subscription(VERIFY_TOKEN, "1158201444", account());
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                "16505551234",
                "My order 4471 has not arrived, can you check?",
                Visibility.PRIVATE);
    }

    @Override
    protected String expectedInReplyTo() {
        return "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA";
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/v26.0/" + PHONE_NUMBER_ID + "/messages"));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"messaging_product":"whatsapp",
                         "contacts":[{"input":"16505551234","wa_id":"16505551234"}],
                         "messages":[{"id":"%s"}]}""".formatted(SENT_ID));
    }

    @Override
    protected String expectedSentId() {
        return SENT_ID;
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo("/v26.0/" + PHONE_NUMBER_ID + "/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("access_token", absent())
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.recipient_type", equalTo("individual")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("16505551234")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo(reply.text())))
                .withRequestBody(matchingJsonPath(
                        "$.context.message_id", equalTo(expectedMessage().externalId()))));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\"102290129340398\":[{\"type\":\"whatsapp\",\"call_count\":100,\"total_cputime\":12,"
                                + "\"total_time\":14,\"estimated_time_to_regain_access\":3}]}")
                .withBody("""
                        {"error":{"message":"(#80007) There have been too many calls to this WhatsApp Business account.",
                         "type":"OAuthException","code":80007,"fbtrace_id":"AzJ2Lz3Kq2oR1dE5"}}""");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofMinutes(3);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"(#131030) Recipient phone number not in allowed list",
                         "type":"OAuthException","code":131030,
                         "error_data":{"messaging_product":"whatsapp",
                          "details":"Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again."},
                         "fbtrace_id":"AI5Ob3EhrHQ2rXXGAdgLe7c"}}""");
    }

    @Override
    protected String expectedRefusalReason() {
        return "Recipient phone number not in allowed list";
    }
}
