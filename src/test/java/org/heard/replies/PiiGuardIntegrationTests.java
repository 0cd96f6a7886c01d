package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.heard.EventStream;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal data in public: an agent's public reply is refused before anything is stored or sent, a customer's is masked. */
@IntegrationTest
class PiiGuardIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HeardClient agent;
    SandboxCustomers customers;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
        customers = new SandboxCustomers(new HeardClient(port), agent, jdbc);
    }

    @Test
    void aPublicReplyWithACardNumberIsRefusedWithTheReasonAndNothingIsStoredOrSent() {
        long id = customers.posts("Maria Garcia", "@heardbrand I was charged twice", false);
        var text = "Is it the card 4242 4242 4242 4242? Checking now";

        var refused = agent.post("/api/conversations/" + id + "/replies", Map.of("text", text, "visibility", "public"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("This public reply shows a payment card number (•••• •••• •••• 4242): anyone can read"
                        + " it. Take it out, or reply privately instead.");
        assertThat(customers.detail(id).get("messages").size()).isEqualTo(1);

        var sent = agent.post("/api/conversations/" + id + "/replies", Map.of("text", text, "visibility", "private"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        var onNetwork = customers.awaitOnNetwork(text);
        assertThat(onNetwork.get("private").asBoolean()).isTrue();
        assertThat(customers.timeline())
                .filteredOn(p -> p.get("text").asString().equals(text))
                .hasSize(1);
    }

    @Test
    void aPrivateConversationMayTalkAboutAnEmailAddress() {
        long id = customers.posts("Ben Okafor", "hi, it's about my account", true);

        var sent = agent.post(
                "/api/conversations/" + id + "/replies",
                Map.of("text", "Is ben@example.com still your address?", "visibility", "private"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    }

    @Test
    void aCustomersOwnCardNumberInAPublicPostIsMaskedInHeardsViewsWithAWarning() {
        var live = EventStream.open(agent, "/api/inbox/stream");
        long id;
        try (live) {
            id = customers.posts("Chloe Martin", "@heardbrand refund it to 5555 5555 5555 4444 please!", false);
            var pushed = "\"id\":" + id + ",";
            await().until(() -> live.has("conversation", pushed));
            assertThat(live.events())
                    .filteredOn(e -> e.data().contains(pushed))
                    .allSatisfy(e ->
                            assertThat(e.data()).doesNotContain("5555 5555").contains("4444"));
        }

        var message = customers.detail(id).get("messages").get(0);
        assertThat(message.get("text").asString()).isEqualTo("@heardbrand refund it to •••• •••• •••• 4444 please!");
        assertThat(message.get("personalData").asString())
                .startsWith("This public post shows the customer's payment card number.")
                .contains("continue privately");
        var row = agent.allConversations("status=all").stream()
                .filter(r -> r.get("id").asLong() == id)
                .findFirst()
                .orElseThrow();
        assertThat(row.get("preview").asString()).doesNotContain("5555 5555").contains("4444");

        var page = agent.send(agent.request("/inbox/" + id + "/pane").GET());
        assertThat(page.body())
                .doesNotContain("5555 5555 5555 4444")
                .contains("•••• •••• •••• 4444")
                .contains("This public post shows the customer&#39;s payment card number.");
    }

    @Test
    void aCardNumberInAPrivateMessageIsMaskedForEveryoneAndASupervisorsRevealIsRecorded() {
        long id =
                customers.posts("Dev Patel", "refund it to my card 4242 4242 4242 4242 please, dev@example.com", true);

        var message = await().atMost(SandboxCustomers.PATIENCE)
                .until(() -> customers.detail(id).get("messages").get(0), m -> m != null);
        assertThat(message.get("text").asString())
                .isEqualTo("refund it to my card •••• •••• •••• 4242 please, dev@example.com");
        assertThat(message.get("personalData").asString())
                .isEqualTo("Masked for everyone: the customer's payment card number. A supervisor can reveal it;"
                        + " each reveal is recorded.");
        assertThat(message.get("revealable").asBoolean()).isTrue();
        var row = agent.allConversations("status=all").stream()
                .filter(r -> r.get("id").asLong() == id)
                .findFirst()
                .orElseThrow();
        assertThat(row.get("preview").asString()).doesNotContain("4242 4242").contains("•••• 4242");

        var fixtures = new ReplyFixtures(port);
        var anAgent = fixtures.person("AGENT", "Ana Agent");
        var aSupervisor = fixtures.person("SUPERVISOR", "Sam Supervisor");
        long messageId = message.get("id").asLong();
        var reveal = "/api/conversations/" + id + "/messages/" + messageId + "/reveal";

        var refused = anAgent.client().post(reveal, Map.of());
        var revealed = aSupervisor.client().post(reveal, Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.json().get("text").asString())
                .isEqualTo("refund it to my card 4242 4242 4242 4242 please, dev@example.com");
        assertThat(jdbc.sql("select user_id from message_pii_reveals where message_id = ?")
                        .param(messageId)
                        .query(Long.class)
                        .list())
                .containsExactly(aSupervisor.id());
        assertThat(customers.detail(id).get("messages").get(0).get("text").asString())
                .as("masked again for the next view")
                .contains("•••• 4242");
    }

    @Test
    void aPublicPostsPersonalDataCannotBeRevealedAnAgentAsksPrivatelyInstead() {
        long id = customers.posts("Eli Brooks", "@heardbrand refund it to 5555 5555 5555 4444", false);
        long messageId = await().atMost(SandboxCustomers.PATIENCE)
                .until(() -> customers.detail(id).get("messages").get(0), m -> m != null)
                .get("id")
                .asLong();

        var refused = agent.post("/api/conversations/" + id + "/messages/" + messageId + "/reveal", Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Nothing in this message is masked from you.");
    }
}
