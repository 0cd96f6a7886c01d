package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.heard.HeardClient;
import tools.jackson.databind.JsonNode;

/**
 * What the replies tests need around them: colleagues with a role, a customer's post on the sandbox that
 * becomes a conversation, the sandbox timeline, and approval rules that are removed after each test.
 */
public final class ReplyFixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(20);
    public static final String PASSWORD = "a-long-enough-password";

    private final int port;
    private final HeardClient admin;
    private final HeardClient network;
    private final List<Long> rules = new ArrayList<>();

    public ReplyFixtures(int port) {
        this.port = port;
        this.admin = new HeardClient(port).asAdmin();
        this.network = new HeardClient(port);
    }

    public HeardClient admin() {
        return admin;
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new colleague with this role; returns their id and a client signed in as them. */
    public Person person(String role, String name) {
        var email = role.toLowerCase(java.util.Locale.ROOT) + "-" + unique() + "@heard.test";
        var created = admin.post(
                "/api/admin/users", Map.of("email", email, "name", name, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Person(
                created.json().get("id").asLong(), name, email, new HeardClient(port).signIn(email, PASSWORD));
    }

    /** A customer posts in public on the sandbox; returns the conversation Heard made of it. */
    public long customerPosts(String handle, String text) {
        var response = network.post("/api/sandbox/posts", Map.of("author", handle, "text", text));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return admin.conversationOf(handle);
    }

    /** The sandbox's posts with exactly this text. */
    public List<JsonNode> onTimeline(String text) {
        return StreamSupport.stream(
                        network.get("/api/sandbox/posts?limit=1000").json().spliterator(), false)
                .filter(p -> p.get("text").asString().equals(text))
                .toList();
    }

    /** Waits until the post with this text is on the sandbox timeline, and checks it is there once. */
    public JsonNode awaitOnceOnTimeline(String text) {
        await().atMost(PATIENCE).until(() -> !onTimeline(text).isEmpty());
        var posts = onTimeline(text);
        assertThat(posts).as("posts reading " + text).hasSize(1);
        return posts.getFirst();
    }

    public JsonNode message(long conversationId, long messageId) {
        var detail = admin.get("/api/conversations/" + conversationId).json();
        for (var m : detail.get("messages")) {
            if (m.get("id").asLong() == messageId) {
                return m;
            }
        }
        throw new AssertionError("No message " + messageId + " in conversation " + conversationId);
    }

    /** Saves an approval rule as the admin, to be deleted by {@link #removeRules()}. */
    public long rule(Map<String, Object> rule) {
        var created = admin.post("/api/replies/approval-rules", rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        rules.add(id);
        return id;
    }

    /** A rule with one supervisors' step that catches every reply of this colleague. */
    public long ruleFor(long agentId, String name) {
        return rule(Map.of(
                "name", name,
                "conditions", Map.of("agents", List.of(agentId)),
                "steps", List.of(Map.of("role", "SUPERVISOR"))));
    }

    public void removeRules() {
        rules.forEach(id -> admin.delete("/api/replies/approval-rules/" + id));
        rules.clear();
    }

    public record Person(long id, String name, String email, HeardClient client) {

        /** Replies in public in the conversation and returns the message as the API shows it. */
        public JsonNode reply(long conversationId, String text) {
            return reply(conversationId, Map.of("text", text, "visibility", "public"));
        }

        public JsonNode reply(long conversationId, Map<String, Object> body) {
            var response = client.post("/api/conversations/" + conversationId + "/replies", body);
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            return response.json();
        }
    }
}
