package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Saved replies: agents keep their own, supervisors the team's, and the composer renders them for a conversation. */
@IntegrationTest
class SavedRepliesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HeardClient supervisor;
    HeardClient agent;

    @BeforeEach
    void connect() {
        supervisor = new HeardClient(port).asAdmin();
        agent = newAgent(port, supervisor);
    }

    @Test
    void anAgentKeepsTheirOwnAndOnlyReadsTheTeams() {
        var team = supervisor.post("/api/replies/saved", reply("Refund on its way " + unique(), true));
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        long teamId = team.json().get("id").asLong();
        assertThat(team.json().get("ownerId").isNull()).isTrue();
        assertThat(team.json().get("tags").get(0).asString()).isEqualTo("refund");

        var own = agent.post("/api/replies/saved", reply("My refund words " + unique(), false));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        long ownId = own.json().get("id").asLong();

        assertThat(ids(agent.get("/api/replies/saved").json())).contains(teamId, ownId);
        assertThat(ids(supervisor.get("/api/replies/saved").json()))
                .contains(teamId)
                .doesNotContain(ownId);
        assertThat(supervisor.get("/api/replies/saved/" + ownId).status()).isEqualTo(404);

        var changeTeam = agent.put("/api/replies/saved/" + teamId, reply("Mine now", false));
        assertThat(changeTeam.status()).isEqualTo(403);
        assertThat(changeTeam.json().get("detail").asString()).startsWith("Only supervisors change the team's");
        assertThat(agent.post("/api/replies/saved", reply("Sneaky", true)).status())
                .isEqualTo(403);
        assertThat(agent.delete("/api/replies/saved/" + teamId).status()).isEqualTo(403);

        var changed = agent.put("/api/replies/saved/" + ownId, reply("My better words", false));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("title").asString()).isEqualTo("My better words");
        assertThat(agent.delete("/api/replies/saved/" + ownId).status()).isEqualTo(204);
        assertThat(agent.get("/api/replies/saved/" + ownId).status()).isEqualTo(404);
    }

    @Test
    void aSavedReplyNeedsATitleAndTextAndAShortcutIsOneWordNotTakenTwice() {
        var noTitle = agent.post("/api/replies/saved", Map.of("text", "hi", "team", false));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().get("detail").asString()).startsWith("Give the saved reply a title");

        var shortcut = "s" + unique();
        var first = new HashMap<>(reply("First", false));
        first.put("shortcut", "/" + shortcut);
        assertThat(agent.post("/api/replies/saved", first)
                        .json()
                        .get("shortcut")
                        .asString())
                .isEqualTo(shortcut);
        var again = agent.post("/api/replies/saved", first);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString())
                .isEqualTo("The shortcut /" + shortcut + " is taken by \"First\"; choose another.");
        first.put("shortcut", "two words");
        assertThat(agent.post("/api/replies/saved", first).status()).isEqualTo(400);
    }

    @Test
    void theComposerFindsASavedReplyByShortcutAndRendersItForTheConversation() {
        var customers = new SandboxCustomers(new HeardClient(port), supervisor, jdbc);
        long id = customers.posts("Chloe Martin", "@heardbrand late again", false);
        var shortcut = "late" + unique();
        var body = new HashMap<>(reply("Late parcel", false));
        body.put("text", "Hi {{first_name}}, {{agent_name}} here. Your order {{order}} is on its way.");
        body.put("shortcut", shortcut);
        body.put("channel", "sandbox");
        long savedId = agent.post("/api/replies/saved", body).json().get("id").asLong();

        var found = agent.get("/api/replies/saved?q=/" + shortcut + "&channel=sandbox")
                .json();
        assertThat(ids(found)).containsExactly(savedId);
        assertThat(ids(agent.get("/api/replies/saved?q=/" + shortcut + "&channel=email")
                        .json()))
                .isEmpty();

        var rendered = agent.get("/api/replies/saved/" + savedId + "/rendered?conversation=" + id)
                .json();
        assertThat(rendered.get("text").asString())
                .isEqualTo("Hi Chloe, Tess Agent here. Your order {{order}} is on its way.");
        assertThat(rendered.get("unknown").get(0).asString()).isEqualTo("order");

        var picker = agent.send(agent.request("/replies/picker?conversation=" + id + "&q=" + shortcut)
                .GET());
        assertThat(picker.body()).contains("Late parcel").contains("Hi Chloe, Tess Agent here.");
    }

    static HeardClient newAgent(int port, HeardClient admin) {
        var email = "tess." + unique() + "@heard.test";
        var created = admin.post(
                "/api/admin/users",
                Map.of("email", email, "name", "Tess Agent", "password", "a-long-enough-password", "role", "AGENT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new HeardClient(port).signIn(email, "a-long-enough-password");
    }

    private static Map<String, Object> reply(String title, boolean team) {
        return Map.of(
                "title",
                title,
                "text",
                "Hi {{first_name}}, your refund is on its way.",
                "tags",
                List.of("#Refund"),
                "team",
                team);
    }

    private static List<Long> ids(JsonNode list) {
        var ids = new java.util.ArrayList<Long>();
        list.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
