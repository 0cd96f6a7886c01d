package org.heard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The inbox through the JSON API: filters, paging, assignment, status, notes and the live stream. */
@IntegrationTest
@Tag("persistence")
class ConversationsApiIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    HeardClient agent;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
    }

    @Test
    void pagesWalkTheWholeInboxOnceInPriorityThenWaitingOrder() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 7; i++) {
            deliver(tag + "-" + i, "customer " + tag + " #" + i);
        }
        await().atMost(PATIENCE).until(() -> rowsWithPreview(tag).size() == 7);

        var seen = new ArrayList<JsonNode>();
        String cursor = null;
        int pages = 0;
        do {
            var page = agent.get("/api/conversations?status=all&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(seen::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10_000);

        var ids = seen.stream().map(n -> n.get("id").asLong()).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        var ours = seen.stream()
                .filter(n -> n.get("preview").asString().contains(tag))
                .toList();
        assertThat(ours)
                .extracting(n -> n.get("preview").asString())
                .containsExactly(java.util.stream.IntStream.range(0, 7)
                        .mapToObj(i -> "customer " + tag + " #" + i)
                        .toArray(String[]::new));
    }

    @Test
    void assigningFilteringResolvingAndNotingAConversation() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        deliver(tag, "customer " + tag);
        var row = await().atMost(PATIENCE)
                .until(() -> rowsWithPreview(tag), rows -> rows.size() == 1)
                .getFirst();
        long id = row.get("id").asLong();
        assertThat(idsIn("/api/conversations?assignee=unassigned&limit=200")).contains(id);

        var assigned = agent.post("/api/conversations/" + id + "/assignment", Map.of("assignee", "me"));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(assigned.json().get("assigneeName").isNull()).isFalse();
        assertThat(idsIn("/api/conversations?assignee=mine&limit=200")).contains(id);
        assertThat(idsIn("/api/conversations?assignee=unassigned&limit=200")).doesNotContain(id);

        var noted =
                agent.post("/api/conversations/" + id + "/notes", Map.of("text", "Called the courier; due Friday."));
        assertThat(noted.status()).isEqualTo(201);
        assertThat(noted.json().get("notes").get(0).get("text").asString())
                .isEqualTo("Called the courier; due Friday.");

        var resolved = agent.post("/api/conversations/" + id + "/status", Map.of("status", "resolved"));
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(idsIn("/api/conversations?limit=200")).doesNotContain(id);
        assertThat(idsIn("/api/conversations?status=resolved&limit=200")).contains(id);

        var reopened = agent.post("/api/conversations/" + id + "/status", Map.of("status", "OPEN"));
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void tagsAreAddedOnceInLowerCaseAndTakenOff() {
        long id = conversationOf("customer tags " + UUID.randomUUID());

        var tagged =
                agent.post("/api/conversations/" + id + "/tags", Map.of("tags", List.of("Refund", "#late", "refund")));
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(tags(tagged.json())).containsExactly("late", "refund");

        var untagged = agent.delete("/api/conversations/" + id + "/tags/late");
        assertThat(untagged.status()).isEqualTo(200);
        assertThat(tags(untagged.json())).containsExactly("refund");

        var refused = agent.post("/api/conversations/" + id + "/tags", Map.of("tags", List.of("two words!")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).startsWith("“words!” cannot be a tag");
        assertThat(tags(agent.get("/api/conversations/" + id).json())).containsExactly("refund");
    }

    @Test
    void severalConversationsChangeAtOnceAndOneThatIsGoneIsLeftOut() {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            ids.add(conversationOf("customer several " + UUID.randomUUID()));
        }
        var withAGoneOne = new ArrayList<>(ids);
        withAGoneOne.add(987654321L);

        var assigned = agent.post("/api/conversations/changes", Map.of("ids", withAGoneOne, "assignee", "me"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("changed").asInt()).isEqualTo(3);
        assertThat(idsIn("/api/conversations?assignee=mine&limit=200")).containsAll(ids);

        var tagged = agent.post("/api/conversations/changes", Map.of("ids", ids, "tags", List.of("outage")));
        assertThat(tagged.json().get("changed").asInt()).isEqualTo(3);
        for (var id : ids) {
            assertThat(tags(agent.get("/api/conversations/" + id).json())).containsExactly("outage");
        }

        var resolved = agent.post("/api/conversations/changes", Map.of("ids", ids.subList(0, 2), "status", "resolved"));
        assertThat(resolved.json().get("changed").asInt()).isEqualTo(2);
        assertThat(idsIn("/api/conversations?limit=200"))
                .doesNotContain(ids.get(0), ids.get(1))
                .contains(ids.get(2));

        var twoChanges =
                agent.post("/api/conversations/changes", Map.of("ids", ids, "status", "open", "tags", List.of("x")));
        assertThat(twoChanges.status()).isEqualTo(400);
        assertThat(twoChanges.json().get("detail").asString()).isEqualTo("Give one change: assignee, tags or status.");
        var noneLeft = agent.post("/api/conversations/changes", Map.of("ids", List.of(987654321L), "status", "open"));
        assertThat(noneLeft.status()).isEqualTo(404);
        var badTags = agent.post("/api/conversations/changes", Map.of("ids", ids, "tags", List.of("no!")));
        assertThat(badTags.status()).isEqualTo(400);
        assertThat(badTags.json().get("detail").asString()).startsWith("“no!” cannot be a tag");
    }

    @Test
    void mistakesGetProblemDetailsThatSayWhatToDo() {
        var unknownFilter = agent.get("/api/conversations?status=urgent");
        var missing = agent.get("/api/conversations/987654321");
        var badCursor = agent.get("/api/conversations?cursor=garbage");
        var blankReply = agent.post("/api/conversations/987654321/replies", Map.of("text", " "));

        assertThat(unknownFilter.status()).isEqualTo(400);
        assertThat(unknownFilter.contentType()).contains("application/problem+json");
        assertThat(unknownFilter.json().get("detail").asString()).contains("open, new, pending, resolved, all");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).contains("no conversation 987654321");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(blankReply.status()).isEqualTo(400);
        assertThat(blankReply.json().get("detail").asString()).contains("Write a reply");
    }

    @Test
    void theLiveStreamAnnouncesEachChangeWithIdStatusAndPreview() throws Exception {
        var events = new CopyOnWriteArrayList<String>();
        var request = agent.request("/api/inbox/stream")
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        var client = HttpClient.newHttpClient();
        var stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        var reader = CompletableFuture.runAsync(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    events.add(line);
                }
            } catch (java.io.IOException e) {
                // the stream closes when the test ends
            }
        });
        var tag = UUID.randomUUID().toString().substring(0, 8);

        deliver(tag, "live " + tag);

        await().atMost(PATIENCE).until(() -> events.stream().anyMatch(l -> l.startsWith("data:") && l.contains(tag)));
        var data = events.stream()
                .filter(l -> l.startsWith("data:") && l.contains(tag))
                .findFirst()
                .orElseThrow();
        var change = agent.get("/api/conversations?limit=1").mapper().readTree(data.substring(5));
        assertThat(change.get("status").asString()).isEqualTo("NEW");
        assertThat(change.get("preview").asString()).isEqualTo("live " + tag);
        assertThat(change.get("id").asLong()).isPositive();
        int index = events.indexOf(data);
        assertThat(events.get(index - 1)).isEqualTo("event:conversation");
        stream.body().close();
        reader.cancel(true);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        var docs = new HeardClient(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        assertThat(paths.has("/api/conversations")).isTrue();
        assertThat(paths.has("/api/conversations/{id}/replies")).isTrue();
        assertThat(paths.has("/api/sandbox/posts")).isTrue();
        assertThat(paths.has("/api/auth/token")).isTrue();
    }

    /** A customer posts; the id of their conversation once it is in the inbox. */
    private long conversationOf(String text) {
        var postId = UUID.randomUUID().toString();
        deliver(postId, text);
        return await().atMost(PATIENCE)
                .until(() -> rowsWithPreview(text), rows -> rows.size() == 1)
                .getFirst()
                .get("id")
                .asLong();
    }

    private static List<String> tags(JsonNode conversation) {
        var tags = new ArrayList<String>();
        conversation.get("tags").forEach(t -> tags.add(t.asString()));
        return tags;
    }

    private void deliver(String postId, String text) {
        var response =
                new HeardClient(port).signedSandboxWebhook(SandboxPayloads.post(postId, "author-" + postId, text));
        assertThat(response.status()).isEqualTo(200);
    }

    private List<JsonNode> rowsWithPreview(String tag) {
        return agent.allConversations("status=all").stream()
                .filter(item -> item.get("preview").asString().contains(tag))
                .toList();
    }

    private List<Long> idsIn(String path) {
        var ids = new ArrayList<Long>();
        agent.get(path)
                .json()
                .get("items")
                .forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
