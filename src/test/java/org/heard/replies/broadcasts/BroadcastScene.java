package org.heard.replies.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.heard.HeardClient;
import org.heard.conversations.ConversationTriage;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Customers writing to the brand on the sandbox network, their conversations tagged as triage would tag them, and
 * what the network shows afterwards.
 */
final class BroadcastScene {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A customer's post and the conversation Heard made of it. */
    record Customer(String handle, long postId, long conversationId) {}

    private final HeardClient network;
    private final HeardClient admin;
    private final JdbcClient jdbc;
    private final ConversationTriage triage;

    BroadcastScene(int port, JdbcClient jdbc, ConversationTriage triage) {
        this.network = new HeardClient(port);
        this.admin = new HeardClient(port).asAdmin();
        this.jdbc = jdbc;
        this.triage = triage;
    }

    HeardClient admin() {
        return admin;
    }

    static String tag() {
        return "outage-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static String handle() {
        return "b" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code count} customers post in public; their conversations get the tag. */
    List<Customer> tagged(String tag, int count) {
        var posted = new ArrayList<Map.Entry<String, Long>>();
        for (int i = 0; i < count; i++) {
            var handle = handle();
            posted.add(Map.entry(handle, post(handle, "@heardbrand is the app down? " + i, false)));
        }
        var customers = new ArrayList<Customer>();
        for (var post : posted) {
            var customer = new Customer(post.getKey(), post.getValue(), conversationOf(post.getValue()));
            tag(customer, tag);
            customers.add(customer);
        }
        return customers;
    }

    /** The customer writes, in public or privately; returns once Heard has the conversation. */
    Customer writes(String handle, String text, boolean isPrivate) {
        long postId = post(handle, text, isPrivate);
        return new Customer(handle, postId, conversationOf(postId));
    }

    private long post(String handle, String text, boolean isPrivate) {
        var response = network.post("/api/sandbox/posts", Map.of("author", handle, "text", text, "private", isPrivate));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private long conversationOf(long postId) {
        return await().atMost(PATIENCE)
                .until(
                        () -> jdbc.sql("""
                                        select m.conversation_id from messages m
                                        where m.channel = 'sandbox' and m.external_id = ?
                                        """)
                                .param(String.valueOf(postId))
                                .query(Long.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    void tag(Customer customer, String tag) {
        triage.tag(customer.conversationId(), List.of(tag));
    }

    /** Starts a broadcast through the API and returns its id. */
    long broadcast(Map<String, Object> request) {
        var body = new HashMap<>(request);
        body.putIfAbsent("key", UUID.randomUUID().toString());
        var response = admin.post("/api/replies/broadcasts", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("broadcast").get("id").asLong();
    }

    JsonNode progress(long id) {
        return admin.get("/api/replies/broadcasts/" + id).json();
    }

    int count(long id, RecipientState state) {
        return progress(id).get("counts").get(state.name()).asInt();
    }

    /** Waits until the broadcast has this many recipients in the state. */
    JsonNode awaitCount(long id, RecipientState state, int count) {
        return await().atMost(PATIENCE)
                .until(
                        () -> progress(id),
                        p -> p.get("counts").get(state.name()).asInt() == count);
    }

    List<JsonNode> recipients(long id) {
        return StreamSupport.stream(
                        admin.get("/api/replies/broadcasts/" + id + "/recipients?limit=500")
                                .json()
                                .spliterator(),
                        false)
                .toList();
    }

    /** The brand's posts on the sandbox network in reply to a customer's post, with this text. */
    List<JsonNode> brandRepliesTo(long postId, String text) {
        return StreamSupport.stream(
                        network.get("/api/sandbox/posts?limit=1000").json().spliterator(), false)
                .filter(p -> p.get("author").get("brand").asBoolean())
                .filter(p -> p.hasNonNull("inReplyTo") && p.get("inReplyTo").asLong() == postId)
                .filter(p -> p.get("text").asString().equals(text))
                .toList();
    }

    /** How many replies with this text the team stored in the conversation. */
    int repliesStored(long conversationId, String text) {
        return jdbc.sql(
                        "select count(*) from messages where conversation_id = ? and direction = 'OUTBOUND' and text = ?")
                .params(conversationId, text)
                .query(Integer.class)
                .single();
    }
}
