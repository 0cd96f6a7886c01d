package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.heard.HeardClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Customers posting on the sandbox network, and what the brand's replies there look like, for the replies tests. */
final class SandboxCustomers {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final HeardClient network;
    private final HeardClient agent;
    private final JdbcClient jdbc;

    SandboxCustomers(HeardClient network, HeardClient agent, JdbcClient jdbc) {
        this.network = network;
        this.agent = agent;
        this.jdbc = jdbc;
    }

    /** A new customer with this display name posts in public or in private; their conversation's id. */
    long posts(String name, String text, boolean isPrivate) {
        var handle = "r" + UUID.randomUUID().toString().substring(0, 8);
        // The sandbox network names a new person by their handle; this one shows their name.
        jdbc.sql("insert into sandbox_personas (handle, name) values (?, ?)")
                .params(handle, name)
                .update();
        var posted = network.post("/api/sandbox/posts", Map.of("author", handle, "text", text, "private", isPrivate));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return agent.conversationOf(handle);
    }

    /**
     * A new customer with this display name posts in public, then answers their own post, each message in reply to the
     * one before, as a thread; their conversation's id. Each message is posted once the one before is in the
     * conversation, as a person writes one after another.
     */
    long thread(String name, String... texts) {
        var handle = "r" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into sandbox_personas (handle, name) values (?, ?)")
                .params(handle, name)
                .update();
        Long previous = null;
        Long conversation = null;
        for (int i = 0; i < texts.length; i++) {
            var post = new HashMap<String, Object>(Map.of("author", handle, "text", texts[i]));
            if (previous != null) {
                post.put("inReplyTo", previous);
            }
            var posted = network.post("/api/sandbox/posts", post);
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            previous = posted.json().get("id").asLong();
            var id = conversation == null ? agent.conversationOf(handle) : conversation;
            var count = i + 1;
            await().atMost(PATIENCE).until(() -> detail(id).get("messages").size() == count);
            conversation = id;
        }
        return conversation;
    }

    JsonNode detail(long conversationId) {
        return agent.get("/api/conversations/" + conversationId).json();
    }

    /** The brand's post on the sandbox network with exactly this text, once it is there. */
    JsonNode awaitOnNetwork(String text) {
        return await().atMost(PATIENCE)
                .until(() -> onNetwork(text), Optional::isPresent)
                .orElseThrow();
    }

    Optional<JsonNode> onNetwork(String text) {
        return timeline().stream()
                .filter(p -> p.get("text").asString().equals(text))
                .findFirst();
    }

    List<JsonNode> timeline() {
        return StreamSupport.stream(
                        network.get("/api/sandbox/posts?limit=1000").json().spliterator(), false)
                .toList();
    }
}
