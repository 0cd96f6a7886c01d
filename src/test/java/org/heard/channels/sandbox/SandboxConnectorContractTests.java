package org.heard.channels.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

class SandboxConnectorContractTests extends ChannelConnectorContract {

    private static final String SECRET = "contract-sandbox-secret";

    @Override
    protected String network() {
        return "sandbox";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return new SandboxConnector(JsonMapper.builder().build(), new SandboxAddress(baseUrl, ""), SECRET);
    }

    @Override
    protected ChannelAccount account() {
        return new ChannelAccount(0, "sandbox", "none", "heardbrand", "Heard brand", null, Credentials.none());
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return new WebhookRequest(
                headers(SandboxSignature.HEADER, new SandboxSignature(SECRET).sign(body)), Map.of(), body);
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return new WebhookRequest(
                headers(SandboxSignature.HEADER, new SandboxSignature("guessed").sign(body)), Map.of(), body);
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected("17", "2", "@heardbrand my order #4471 is late", Visibility.PUBLIC);
    }

    @Override
    protected String expectedInReplyTo() {
        return "18";
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/api/sandbox/brand/posts"));
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"901\"}");
    }

    @Override
    protected String expectedSentId() {
        return "901";
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        network.verify(postRequestedFor(urlEqualTo("/api/sandbox/brand/posts"))
                .withHeader("Idempotency-Key", equalTo(reply.idempotencyKey()))
                .withHeader(SandboxApi.TOKEN_HEADER, equalTo(SECRET))
                .withRequestBody(matchingJsonPath("$.in_reply_to", equalTo("17")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(reply.text()))));
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("slow down");
    }

    @Override
    protected Duration expectedRetryAfter() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"detail\":\"The post answered does not exist.\"}");
    }

    @Override
    protected String expectedRefusalReason() {
        return "The post answered does not exist.";
    }
}
