package org.heard.channels.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.heard.channels.meta.WhatsAppConnectorContractTests.APP_SECRET;
import static org.heard.channels.meta.WhatsAppConnectorContractTests.PHONE_NUMBER_ID;
import static org.heard.channels.meta.WhatsAppConnectorContractTests.TOKEN;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An agent's reply to a customer's WhatsApp message quotes it: the Cloud API receives the reply with
 * {@code context.message_id} set to the customer's {@code wamid}, so WhatsApp shows it as an answer to that message.
 */
@IntegrationTest
// Heard is pointed at this story's own Graph API double, which makes an application of its own: closed when done.
@DirtiesContext
class WhatsAppThreadingIntegrationTests {

    private static final String CUSTOMERS_MESSAGE = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    private static final String MESSAGES = "/v26.0/" + PHONE_NUMBER_ID + "/messages";
    private static final WireMockServer CLOUD_API = new WireMockServer(options().dynamicPort());

    static {
        CLOUD_API.start();
    }

    @DynamicPropertySource
    static void cloudApi(DynamicPropertyRegistry registry) {
        registry.add("heard.channels.meta.graph-api-url", CLOUD_API::baseUrl);
        registry.add("heard.channels.meta.api-version", () -> "v26.0");
    }

    @AfterAll
    static void stopCloudApi() {
        CLOUD_API.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void anAgentsReplyQuotesTheCustomersLatestMessage() {
        var agent = new HeardClient(port).asAdmin();
        var webhookUrl = connectThePhoneNumber(agent);
        CLOUD_API.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],
                 "messages":[{"id":"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]}""")));

        customerWrites(webhookUrl);
        long id = agent.conversationOf("+16505551234");
        var reply = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Checking order 4471 now."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> CLOUD_API.verify(postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(matchingJsonPath("$.to", equalTo("16505551234")))
                        .withRequestBody(matchingJsonPath("$.text.body", equalTo("Checking order 4471 now.")))
                        .withRequestBody(matchingJsonPath("$.context.message_id", equalTo(CUSTOMERS_MESSAGE)))));
    }

    private String connectThePhoneNumber(HeardClient admin) {
        CLOUD_API.stubFor(
                get(urlPathEqualTo("/v26.0/" + PHONE_NUMBER_ID)).willReturn(okJson("""
                        {"verified_name":"Heard Shop","display_phone_number":"+1 555-078-3881",\
                        "id":"%s"}""".formatted(PHONE_NUMBER_ID))));
        var connected = admin.post(
                "/api/admin/channels",
                Map.of(
                        "channel",
                        "whatsapp",
                        "credentials",
                        Map.of("phone_number_id", PHONE_NUMBER_ID, "access_token", TOKEN, "app_secret", APP_SECRET)));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        return connected.json().get("webhookUrl").asString();
    }

    /** The documented text-message webhook, written now: a free-form reply is only allowed within 24 hours. */
    private void customerWrites(String webhookUrl) {
        var body = fixture("message.json")
                .replace(
                        "\"timestamp\": \"1749416383\"",
                        "\"timestamp\": \"" + Instant.now().getEpochSecond() + "\"")
                .getBytes(StandardCharsets.UTF_8);
        var client = new HeardClient(port);
        var delivered = client.send(HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("Content-Type", "application/json")
                .header(MetaSignature.HEADER, new MetaSignature(APP_SECRET).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    }

    private static String fixture(String name) {
        try (var in = WhatsAppThreadingIntegrationTests.class.getResourceAsStream("/fixtures/whatsapp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
