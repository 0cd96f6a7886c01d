package org.heard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Replies leave through the outbox to a network that is sometimes down. Here the sandbox network's API
 * is WireMock, answering as the network documents it.
 */
@IntegrationTest
// Heard is pointed at this story's own double, which makes an application of its own: closed when done.
@DirtiesContext
@Tag("persistence")
class OutboxIntegrationTests {

    private static final String BRAND_POSTS = "/api/sandbox/brand/posts";
    private static final WireMockServer network = new WireMockServer(options().dynamicPort());

    static {
        network.start();
    }

    @DynamicPropertySource
    static void sandboxNetworkIsWireMock(DynamicPropertyRegistry registry) {
        registry.add("heard.sandbox.base-url", network::baseUrl);
    }

    @AfterAll
    static void stopNetwork() {
        network.stop();
    }

    @LocalServerPort
    int port;

    HeardClient agent;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
    }

    @Test
    void aReplyWaitsOutTheNetworkBeingDownAndIsPostedOnceItIsBack() {
        var marker = UUID.randomUUID().toString();
        var scenario = "down-" + marker;
        network.stubFor(post(urlEqualTo(BRAND_POSTS))
                .withRequestBody(containing(marker))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"maintenance\"}"))
                .willSetStateTo("still down"));
        network.stubFor(post(urlEqualTo(BRAND_POSTS))
                .withRequestBody(containing(marker))
                .inScenario(scenario)
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(429))
                .willSetStateTo("back"));
        network.stubFor(post(urlEqualTo(BRAND_POSTS))
                .withRequestBody(containing(marker))
                .inScenario(scenario)
                .whenScenarioStateIs("back")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"9001\"}"))
                .willSetStateTo("posted"));
        long conversation = conversationWithACustomer();

        var reply = agent.post("/api/conversations/" + conversation + "/replies", Map.of("text", "On it " + marker));
        long messageId = reply.json().get("id").asLong();

        var sent = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> message(conversation, messageId),
                        m -> m.get("deliveryState").asString().equals("SENT"));
        assertThat(sent.get("externalId").asString()).isEqualTo("9001");
        var key = "heard-message-" + messageId;
        network.verify(3, postRequestedFor(urlEqualTo(BRAND_POSTS)).withHeader("Idempotency-Key", equalTo(key)));
        assertThat(network.findAll(postRequestedFor(urlEqualTo(BRAND_POSTS)).withRequestBody(containing(marker))))
                .allSatisfy(request ->
                        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key));
    }

    @Test
    void aReplyTheNetworkRefusesIsShownAsFailedAndCanBeSentAgain() {
        var marker = UUID.randomUUID().toString();
        var scenario = "refused-" + marker;
        network.stubFor(post(urlEqualTo(BRAND_POSTS))
                .withRequestBody(containing(marker))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"account suspended\"}"))
                .willSetStateTo("fixed"));
        network.stubFor(post(urlEqualTo(BRAND_POSTS))
                .withRequestBody(containing(marker))
                .inScenario(scenario)
                .whenScenarioStateIs("fixed")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"9002\"}")));
        long conversation = conversationWithACustomer();
        long messageId = agent.post(
                        "/api/conversations/" + conversation + "/replies", Map.of("text", "Hello " + marker))
                .json()
                .get("id")
                .asLong();

        var failed = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> message(conversation, messageId),
                        m -> m.get("deliveryState").asString().equals("FAILED"));
        assertThat(failed.get("deliveryError").asString()).contains("400").contains("account suspended");
        network.verify(1, postRequestedFor(urlEqualTo(BRAND_POSTS)).withRequestBody(containing(marker)));

        var retry = agent.post("/api/conversations/" + conversation + "/messages/" + messageId + "/retry", Map.of());
        assertThat(retry.status()).isEqualTo(200);

        var sent = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> message(conversation, messageId),
                        m -> m.get("deliveryState").asString().equals("SENT"));
        assertThat(sent.get("externalId").asString()).isEqualTo("9002");
        network.verify(
                2,
                postRequestedFor(urlEqualTo(BRAND_POSTS))
                        .withHeader("Idempotency-Key", equalTo("heard-message-" + messageId)));
    }

    @Test
    void onlyAFailedReplyCanBeRetried() {
        var marker = UUID.randomUUID().toString();
        network.stubFor(post(urlEqualTo(BRAND_POSTS))
                .withRequestBody(containing(marker))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"9003\"}")));
        long conversation = conversationWithACustomer();
        long messageId = agent.post("/api/conversations/" + conversation + "/replies", Map.of("text", "Hi " + marker))
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> message(conversation, messageId),
                        m -> m.get("deliveryState").asString().equals("SENT"));

        var retry = agent.post("/api/conversations/" + conversation + "/messages/" + messageId + "/retry", Map.of());

        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.json().get("detail").asString()).contains("Only a reply that failed");
        network.verify(1, postRequestedFor(urlEqualTo(BRAND_POSTS)).withRequestBody(containing(marker)));
    }

    private long conversationWithACustomer() {
        return agent.conversationWithANewCustomer(UUID.randomUUID().toString());
    }

    private JsonNode message(long conversation, long messageId) {
        return agent.message(conversation, messageId);
    }
}
