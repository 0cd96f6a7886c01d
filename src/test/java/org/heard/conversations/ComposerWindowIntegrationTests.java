package org.heard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.conversations.TestNetworks.RecordingNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The composer keeps to the network's messaging window before anything is sent: a free-form reply after it is
 * refused with the reason, an approved template goes out with its values; public comments are hidden and liked on
 * the network once, and its refusal reaches the agent.
 */
@IntegrationTest
class ComposerWindowIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("chatline")
    RecordingNetwork chatline;

    HeardClient agent;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
    }

    @Test
    void afterTheWindowAFreeFormReplyIsRefusedBeforeSendingAndOnlyAFilledInTemplateGoesOut() {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        long id = customerWrites(customer, "m-" + customer, true, Instant.now().minus(Duration.ofHours(26)));

        var detail = agent.get("/api/conversations/" + id).json();
        assertThat(detail.get("privateWindowClosed").asString())
                .isEqualTo("The customer last wrote 26 hours ago; Chatline only allows an approved template now.");
        assertThat(detail.get("templatesOnly").asBoolean()).isTrue();

        var refused = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Sorry for the wait!"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("The customer last wrote 26 hours ago; Chatline only allows an approved template now.");

        var templates = agent.get("/api/conversations/" + id + "/templates").json();
        assertThat(templates.get(0).get("name").asString()).isEqualTo("order_update");

        var missing = agent.post(
                "/api/conversations/" + id + "/template-replies",
                Map.of("name", "order_update", "language", "en_US", "variables", List.of("Pablo")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString())
                .isEqualTo("The template order_update needs a value for {{2}}.");

        var sent = agent.post(
                "/api/conversations/" + id + "/template-replies",
                Map.of("name", "order_update", "language", "en_US", "variables", List.of("Pablo", "#5512")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("text").asString()).isEqualTo("Hi Pablo, your order #5512 has an update.");
        var onNetwork = await().atMost(PATIENCE)
                .until(
                        () -> chatline.sent.stream()
                                .filter(m -> customer.equals(m.recipient()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(onNetwork.template().name()).isEqualTo("order_update");
        assertThat(onNetwork.template().variables()).containsExactly("Pablo", "#5512");
        assertThat(onNetwork.text()).isEqualTo("Hi Pablo, your order #5512 has an update.");
    }

    @Test
    void withinTheWindowAReplyGoesOutAsUsual() {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        long id = customerWrites(customer, "m-" + customer, true, Instant.now().minus(Duration.ofHours(2)));

        var detail = agent.get("/api/conversations/" + id).json();
        assertThat(detail.get("privateWindowClosed").isNull()).isTrue();
        var reply = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "On it!"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void aPublicCommentIsHiddenOnTheNetworkOnceAndItsRefusalIsTheNetworksOwn() {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        var commentId = "comment-" + customer;
        long id = customerWrites(customer, commentId, false, Instant.now());
        long messageId = customerMessageId(id);

        var hidden = agent.post(
                "/api/conversations/" + id + "/messages/" + messageId + "/moderation", Map.of("action", "HIDE"));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        assertThat(hidden.json().get("hidden").asBoolean()).isTrue();
        assertThat(names(hidden.json().get("moderations"))).containsExactly("LIKE", "UNHIDE");
        agent.post("/api/conversations/" + id + "/messages/" + messageId + "/moderation", Map.of("action", "HIDE"));
        assertThat(chatline.moderated).containsOnlyOnce("HIDE " + commentId);

        var unhidden = agent.post(
                "/api/conversations/" + id + "/messages/" + messageId + "/moderation", Map.of("action", "unhide"));
        assertThat(unhidden.json().get("hidden").asBoolean()).isFalse();
        assertThat(chatline.moderated).contains("UNHIDE " + commentId);

        var other = "c-" + UUID.randomUUID().toString().substring(0, 8);
        long refusedIn = customerWrites(other, "refuse-" + other, false, Instant.now());
        var refused = agent.post(
                "/api/conversations/" + refusedIn + "/messages/" + customerMessageId(refusedIn) + "/moderation",
                Map.of("action", "HIDE"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Chatline refused: this comment cannot be hidden (code 100)");
        assertThat(agent.get("/api/conversations/" + refusedIn)
                        .json()
                        .get("messages")
                        .get(0)
                        .get("hidden")
                        .asBoolean())
                .isFalse();
    }

    private long customerWrites(String customer, String messageId, boolean isPrivate, Instant at) {
        var network = new HeardClient(port);
        var body = TestNetworks.messageAt("help@chatline", messageId, customer, "Pablo", "Hello?", isPrivate, at);
        var response = network.send(HttpRequest.newBuilder(URI.create(network.base() + "/hooks/chatline"))
                .header("Content-Type", "application/json")
                .header("X-Test-Network", TestNetworks.CHATLINE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return awaitConversation(customer);
    }

    private long awaitConversation(String customer) {
        return agent.conversationOf(customer);
    }

    private long customerMessageId(long conversationId) {
        return agent.get("/api/conversations/" + conversationId)
                .json()
                .get("messages")
                .get(0)
                .get("id")
                .asLong();
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
