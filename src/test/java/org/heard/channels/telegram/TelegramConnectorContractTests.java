package org.heard.channels.telegram;

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
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ChannelConnectorContract;
import org.heard.channels.Credentials;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared connector contract, fed with Updates shaped as https://core.telegram.org/bots/api#update
 * documents them, against a WireMock double of the Bot API.
 */
class TelegramConnectorContractTests extends ChannelConnectorContract {

    static final String TOKEN = "7301925544:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
    static final String VERIFY_TOKEN = "kq3Zr8v0bW1xYtN6pLc4Hs9Ue2Ja7Dm5";
    static final String SEND = "/bot" + TOKEN + "/sendMessage";

    @Override
    protected String network() {
        return "telegram";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        var json = JsonMapper.builder().build();
        return new TelegramConnector(json, new TelegramApi(json, baseUrl));
    }

    @Override
    protected ChannelAccount account() {
        return account(VERIFY_TOKEN);
    }

    static ChannelAccount account(String verifyToken) {
        return new ChannelAccount(
                7,
                "telegram",
                "x9Fq2LmW",
                "7301925544",
                "@heard_support_bot",
                verifyToken,
                Credentials.of(Map.of(TelegramConnector.TOKEN, TOKEN)));
    }

    @Override
    protected boolean signsTheBody() {
        return false;
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return new WebhookRequest(headers(TelegramSecretToken.HEADER, VERIFY_TOKEN), Map.of(), body, account());
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return new WebhookRequest(
                headers(TelegramSecretToken.HEADER, "kq3Zr8v0bW1xYtN6pLc4Hs9Ue2Ja7Dm6"), Map.of(), body, account());
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                "5127340981:1187", "5127340981", "Hi, my order #4471 still has not arrived", Visibility.PRIVATE);
    }

    @Override
    protected String expectedInReplyTo() {
        return "5127340981:1188";
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo(SEND));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"ok":true,"result":{"message_id":1189,
                         "from":{"id":7301925544,"is_bot":true,"first_name":"Heard Support","username":"heard_support_bot"},
                         "chat":{"id":5127340981,"first_name":"María","last_name":"García","username":"maria_g","type":"private"},
                         "date":1795450702,"reply_to_message":{"message_id":1187,"date":1795450375,
                         "chat":{"id":5127340981,"type":"private"},"text":"Hi, my order #4471 still has not arrived"},
                         "text":"Sorry about that, we are on it. Ana"}}""");
    }

    @Override
    protected String expectedSentId() {
        return "5127340981:1189";
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo(SEND))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo("5127340981")))
                .withRequestBody(matchingJsonPath("$.reply_parameters.message_id", equalTo("1187")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(reply.text())))
                .withRequestBody(matchingJsonPath("$.parse_mode", absent())));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 35",\
                        "parameters":{"retry_after":35}}""");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofSeconds(35);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return aResponse()
                .withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");
    }

    @Override
    protected String expectedRefusalReason() {
        return "Forbidden: bot was blocked by the user";
    }
}
