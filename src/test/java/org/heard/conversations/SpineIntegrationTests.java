package org.heard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole path of a message: a customer posts on the sandbox network, the network delivers a signed
 * webhook, Heard threads it into a conversation, an agent replies, and the reply appears on the network
 * in the customer's thread.
 */
@IntegrationTest
@Tag("persistence")
class SpineIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    HeardClient agent;
    HeardClient network;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
        network = new HeardClient(port);
    }

    @Test
    void aPublicPostBecomesAConversationAndThePublicReplyLandsInTheCustomersThread() {
        var handle = persona();
        var post = customerPosts(handle, "@heardbrand my parcel is a week late", null, false);

        var conversation = awaitConversationOf(handle);
        assertThat(conversation.get("status").asString()).isEqualTo("NEW");
        assertThat(conversation.get("visibility").asString()).isEqualTo("PUBLIC");

        var reply = agent.post(
                "/api/conversations/" + conversation.get("id").asLong() + "/replies",
                Map.of("text", "So sorry! Checking with the courier now.", "visibility", "public"));
        assertThat(reply.status()).isEqualTo(201);

        var brandReply = await().atMost(PATIENCE)
                .until(
                        () -> timeline().stream()
                                .filter(p ->
                                        p.get("text").asString().equals("So sorry! Checking with the courier now."))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(brandReply.get("inReplyTo").asLong())
                .isEqualTo(post.get("id").asLong());
        assertThat(brandReply.get("author").get("brand").asBoolean()).isTrue();

        var detail = await().atMost(PATIENCE)
                .until(
                        () -> detail(conversation.get("id").asLong()),
                        d -> d.get("messages")
                                .get(1)
                                .get("deliveryState")
                                .asString()
                                .equals("SENT"));
        assertThat(detail.get("status").asString()).isEqualTo("PENDING");
        assertThat(detail.get("firstResponseAt").isNull()).isFalse();
        assertThat(detail.get("messages").get(1).get("externalId").asString())
                .isEqualTo(brandReply.get("id").asString());
    }

    @Test
    void aCustomerReplyToTheBrandsReplyJoinsTheSameConversationAndReopensIt() {
        var handle = persona();
        customerPosts(handle, "@heardbrand app keeps crashing", null, false);
        long id = awaitConversationOf(handle).get("id").asLong();
        agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Which phone are you on?"));
        var brandPost = await().atMost(PATIENCE)
                .until(
                        () -> timeline().stream()
                                .filter(p -> p.get("text").asString().equals("Which phone are you on?"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        // Found by text, not position: outside the team's hours an away reply may come first.
        await().atMost(PATIENCE)
                .until(() -> messageWithText(detail(id), "Which phone are you on?")
                        .map(m -> m.get("deliveryState").asString().equals("SENT"))
                        .orElse(false));
        var resolved = agent.post("/api/conversations/" + id + "/status", Map.of("status", "RESOLVED"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");

        customerPosts(handle, "a Pixel 8", brandPost.get("id").asLong(), false);

        var detail = await().atMost(PATIENCE)
                .until(() -> detail(id), d -> messageWithText(d, "a Pixel 8").isPresent());
        assertThat(detail.get("status").asString()).isEqualTo("OPEN");
        assertThat(conversationsOf(handle)).isEqualTo(1);
    }

    @Test
    void privateMessagesFromOnePersonShareTheirOpenPrivateConversationAndTheReplyIsPrivate() {
        var handle = persona();
        customerPosts(handle, "Hi, my order number is 4471", null, true);
        var conversation = awaitConversationOf(handle);
        long id = conversation.get("id").asLong();
        assertThat(conversation.get("visibility").asString()).isEqualTo("PRIVATE");

        customerPosts(handle, "and the postcode is on the account", null, true);
        await().atMost(PATIENCE).until(() -> detail(id).get("messages").size() == 2);

        var publicReply =
                agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Thanks!", "visibility", "public"));
        assertThat(publicReply.status()).isEqualTo(400);
        assertThat(publicReply.json().get("detail").asString()).contains("private conversation");

        agent.post(
                "/api/conversations/" + id + "/replies",
                Map.of("text", "Found it, arriving tomorrow.", "visibility", "private"));
        var sent = await().atMost(PATIENCE)
                .until(
                        () -> timeline().stream()
                                .filter(p -> p.get("text").asString().equals("Found it, arriving tomorrow."))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(sent.get("private").asBoolean()).isTrue();
        assertThat(sent.get("recipient").get("handle").asString()).isEqualTo(handle);
        assertThat(conversationsOf(handle)).isEqualTo(1);
    }

    @Test
    void anotherPublicPostByTheSameCustomerStartsItsOwnConversation() {
        var handle = persona();
        customerPosts(handle, "@heardbrand first question", null, false);
        awaitConversationOf(handle);

        customerPosts(handle, "@heardbrand unrelated second question", null, false);

        await().atMost(PATIENCE).until(() -> conversationsOf(handle) == 2);
    }

    @Test
    void aReplyLongerThanTheChannelAllowsIsRefusedAndNothingIsQueued() {
        var handle = persona();
        customerPosts(handle, "@heardbrand hello", null, false);
        long id = awaitConversationOf(handle).get("id").asLong();

        var response = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "é".repeat(501)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("detail").asString())
                .contains("501 characters")
                .contains("500");
        assertThat(detail(id).get("messages").size()).isEqualTo(1);
    }

    private String persona() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode customerPosts(String handle, String text, Long inReplyTo, boolean isPrivate) {
        var body = new java.util.HashMap<String, Object>();
        body.put("author", handle);
        body.put("text", text);
        body.put("private", isPrivate);
        if (inReplyTo != null) {
            body.put("inReplyTo", inReplyTo);
        }
        var response = network.post("/api/sandbox/posts", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private java.util.List<JsonNode> timeline() {
        return StreamSupport.stream(
                        network.get("/api/sandbox/posts?limit=1000").json().spliterator(), false)
                .toList();
    }

    private java.util.List<JsonNode> conversationRows(String handle) {
        return agent.allConversations("status=all").stream()
                .filter(item -> handle.equals(item.get("customerHandle").asString()))
                .toList();
    }

    private long conversationsOf(String handle) {
        return conversationRows(handle).size();
    }

    private JsonNode awaitConversationOf(String handle) {
        return await().atMost(PATIENCE)
                .until(() -> conversationRows(handle), rows -> !rows.isEmpty())
                .getFirst();
    }

    private JsonNode detail(long id) {
        return agent.get("/api/conversations/" + id).json();
    }

    private static java.util.Optional<JsonNode> messageWithText(JsonNode conversation, String text) {
        for (var message : conversation.get("messages")) {
            if (message.get("text").asString().equals(text)) {
                return java.util.Optional.of(message);
            }
        }
        return java.util.Optional.empty();
    }
}
