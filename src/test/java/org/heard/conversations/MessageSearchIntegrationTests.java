package org.heard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Searching the words of every message, through the API and the inbox list (ADR 0011). */
@IntegrationTest
@Tag("persistence")
class MessageSearchIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    HeardClient agent;
    String tag;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
        // A word no other test writes, so each search here sees only this test's conversations.
        tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void findsConversationsByAnyOfTheirMessagesNewestFirstShowingTheMatch() {
        deliver("a-1", "author-a-" + tag, null, "My parcel " + tag + " never arrived");
        deliver("a-2", "author-a-" + tag, "a-1", "Hello?? Anyone there");
        deliver("b-1", "author-b-" + tag, null, "Charged twice for parcel " + tag);
        await().atMost(PATIENCE).until(() -> search(tag).size() == 2);

        var found = search(tag);

        assertThat(found)
                .extracting(SearchHit::preview)
                .containsExactly("Charged twice for parcel " + tag, "My parcel " + tag + " never arrived");
        var olderWord = search("PARCEL " + tag.toUpperCase(java.util.Locale.ROOT) + " arrived");
        assertThat(olderWord).extracting(SearchHit::preview).containsExactly("My parcel " + tag + " never arrived");
    }

    @Test
    void findsNothingWhenNoMessageHasAllTheWords() {
        deliver("c-1", "author-c-" + tag, null, "Router " + tag + " keeps rebooting");
        await().atMost(PATIENCE).until(() -> search(tag).size() == 1);

        assertThat(search(tag + " refund")).isEmpty();
        assertThat(search(tag + "x")).isEmpty();
        assertThat(search(tag + " -router")).isEmpty();
        assertThat(search(tag + " or nonsense")).hasSize(1);
    }

    @Test
    void aPhraseMatchesOnlyItsWordsInOrder() {
        deliver("d-1", "author-d-" + tag, null, "the card " + tag + " was declined at checkout");
        deliver("e-1", "author-e-" + tag, null, "declined? no, the " + tag + " card was fine");
        await().atMost(PATIENCE).until(() -> search(tag).size() == 2);

        var phrase = search("\"card " + tag + " was declined\"");

        assertThat(phrase)
                .extracting(SearchHit::preview)
                .containsExactly("the card " + tag + " was declined at checkout");
    }

    @Test
    void anyTextIsASearchNotSqlNorSearchSyntaxAndCustomerTextIsEscapedInTheList() {
        deliver("f-1", "author-f-" + tag, null, "<script>alert(1)</script> o'brien " + tag + " 50% off & more");
        await().atMost(PATIENCE).until(() -> search(tag).size() == 1);

        for (var odd : List.of(
                "'); drop table messages; --",
                tag + " & | ! :* ( ) <-> \\",
                "\"" + tag,
                tag + " o'brien",
                "%_' or 1=1 --")) {
            var response = agent.get("/api/conversations?status=all&q=" + encode(odd));
            assertThat(response.status()).as(odd).isEqualTo(200);
        }
        assertThat(search(tag + " o'brien")).hasSize(1);
        assertThat(search(tag + " & | ! :* ( ) <-> \\")).hasSize(1);
        assertThat(agent.get("/api/conversations?q=" + "x".repeat(201)).status())
                .isEqualTo(400);

        var list = agent.send(agent.request("/inbox/list?status=all&q=" + encode(tag))
                .header("Accept", "text/html")
                .GET());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        assertThat(list.body()).contains("with a message matching");
    }

    private void deliver(String post, String author, String inReplyTo, String text) {
        var body = SandboxPayloads.post(
                tag + "-" + post, author, "p" + post, text, inReplyTo == null ? null : tag + "-" + inReplyTo, false);
        assertThat(new HeardClient(port).signedSandboxWebhook(body).status()).isEqualTo(200);
    }

    private List<SearchHit> search(String q) {
        var hits = new ArrayList<SearchHit>();
        agent.get("/api/conversations?status=all&limit=200&q=" + encode(q))
                .json()
                .get("items")
                .forEach(item -> hits.add(new SearchHit(
                        item.get("id").asLong(), item.get("preview").asString())));
        return hits;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record SearchHit(long id, String preview) {}
}
