package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Fair, not influenced: the same complaint from a customer with 12 followers and from one with 1.2
 * million, in public or in private, gets the same priority for the same reason, in the same queue, and
 * whoever has waited longer is first.
 */
@IntegrationTest
@Tag("persistence")
class FairnessIntegrationTests {

    @LocalServerPort
    int port;

    HeardClient agent;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
    }

    @Test
    void followersNeverBuyAPlaceInTheQueue() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var complaint = "@heardbrand charged twice for my order, I want a refund " + tag;
        deliver(tag + "-small", "small-" + tag, 12, complaint, false);
        awaitRows(tag, 1);
        deliver(tag + "-famous", "famous-" + tag, 1_200_000, complaint, false);

        var rows = awaitRows(tag, 2);

        assertThat(rows)
                .extracting(r -> r.get("customerHandle").asString())
                .containsExactly("small-" + tag, "famous-" + tag);
        assertThat(rows.get(0).get("priority").asInt())
                .isGreaterThan(0)
                .isEqualTo(rows.get(1).get("priority").asInt());
        assertThat(rows.get(0).get("priorityReason").asString())
                .contains("complaint")
                .isEqualTo(rows.get(1).get("priorityReason").asString());
        assertThat(rows.get(0).get("queue").asString())
                .isEqualTo(rows.get(1).get("queue").asString());
        var famous = agent.get("/api/conversations/" + rows.get(1).get("id").asLong())
                .json();
        assertThat(famous.get("customer").get("followers").asLong()).isEqualTo(1_200_000);
    }

    @Test
    void theFamousCustomerWhoWroteFirstIsFirstAndNoEarlier() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var complaint = "@heardbrand my internet has been down all day and nobody answers " + tag;
        deliver(tag + "-famous", "famous-" + tag, 1_200_000, complaint, false);
        awaitRows(tag, 1);
        deliver(tag + "-small", "small-" + tag, 12, complaint, false);

        var rows = awaitRows(tag, 2);

        assertThat(rows)
                .extracting(r -> r.get("customerHandle").asString())
                .containsExactly("famous-" + tag, "small-" + tag);
        assertThat(rows.get(0).get("priority").asInt())
                .isGreaterThan(0)
                .isEqualTo(rows.get(1).get("priority").asInt());
    }

    @Test
    void theSameComplaintInPublicAndInPrivateGetsTheSamePriority() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var complaint = "my parcel never arrived and nobody answers " + tag;
        deliver(tag + "-dm", "private-" + tag, 87, complaint, true);
        awaitRows(tag, 1);
        deliver(tag + "-post", "public-" + tag, 5_100, "@heardbrand " + complaint, false);

        var rows = awaitRows(tag, 2);

        assertThat(rows).extracting(r -> r.get("visibility").asString()).containsExactly("PRIVATE", "PUBLIC");
        assertThat(rows.get(0).get("priority").asInt())
                .isGreaterThan(0)
                .isEqualTo(rows.get(1).get("priority").asInt());
        assertThat(rows.get(0).get("priorityReason").asString())
                .isEqualTo(rows.get(1).get("priorityReason").asString());
    }

    private void deliver(String postId, String handle, long followers, String text, boolean isPrivate) {
        var body = """
                {"account":"heardbrand","events":[{"id":"post-%s","type":"%s","post":{
                  "id":"%s","text":"%s","created_at":"%s","in_reply_to":null,"private":%s,
                  "author":{"id":"%s","handle":"%s","name":"%s","followers":%d,"avatar_url":null}}}]}
                """.formatted(
                        postId,
                        isPrivate ? "message" : "post",
                        postId,
                        text,
                        java.time.Instant.now(),
                        isPrivate,
                        "id-" + handle,
                        handle,
                        handle,
                        followers);
        assertThat(new HeardClient(port).signedSandboxWebhook(body).status()).isEqualTo(200);
    }

    /** The rows of this test's customers, in inbox order. */
    private List<JsonNode> awaitRows(String tag, int count) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> agent.allConversations("status=open").stream()
                                .filter(item ->
                                        item.get("customerHandle").asString().endsWith(tag))
                                .toList(),
                        rows -> rows.size() == count);
    }
}
