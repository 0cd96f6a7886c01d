package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The composer's variables, signatures and preview: what the preview shows is what the customer gets. */
@IntegrationTest
class ComposerIntegrationTests {

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

    @AfterEach
    void unsign() {
        agent.put("/api/replies/signatures/sandbox", Map.of("style", "NONE"));
    }

    @Test
    void variablesAreFilledInOnSendAndTheReplyIsSignedTheTeamsWay() {
        long id = customers.posts("María José García", "@heardbrand where is my parcel?", false);
        var signed = agent.put("/api/replies/signatures/sandbox", Map.of("style", "INITIALS"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("sandbox").asString()).isEqualTo("INITIALS");

        var sent = agent.post(
                "/api/conversations/" + id + "/replies",
                Map.of("text", "Hi {{first_name}}, {{agent_first_name}} here: it left today.", "visibility", "public"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("text").asString()).isEqualTo("Hi María, Admin here: it left today. ^A");
        customers.awaitOnNetwork("Hi María, Admin here: it left today. ^A");
    }

    @Test
    void aVariableWithNoValueOrAnUnknownOneIsRefusedAndNothingIsStored() {
        long id = customers.posts("", "@heardbrand hello", false);

        var missing = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Hi {{first_name}}!"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString())
                .isEqualTo("Fill in {{first_name}} before sending: Heard has no value for it here.");

        var unknown = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Order {{order_id}} is late"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("{{order_id}} is not a variable Heard knows: write the words in its place before sending.");
        assertThat(customers.detail(id).get("messages").size()).isEqualTo(1);
    }

    @Test
    void thePreviewShowsTheTextAsSentCountedTheChannelsWayWithWhatWouldStopIt() {
        long id = customers.posts("Ana Berg", "@heardbrand my card was charged twice", false);
        agent.put("/api/replies/signatures/sandbox", Map.of("style", "FULL_NAME"));

        var preview = agent.post(
                        "/api/replies/preview",
                        Map.of(
                                "conversationId",
                                id,
                                "text",
                                "Sorry {{first_name}}, is it 4242 4242 4242 4242? Ref {{order}}",
                                "visibility",
                                "public"))
                .json();

        var text = "Sorry Ana, is it 4242 4242 4242 4242? Ref {{order}}\n— Admin";
        assertThat(preview.get("text").asString()).isEqualTo(text);
        assertThat(preview.get("length").asInt()).isEqualTo(text.length());
        assertThat(preview.get("maxLength").asInt()).isEqualTo(500);
        assertThat(preview.get("signature").asString()).isEqualTo("— Admin");
        assertThat(preview.get("variablesProblem").asString()).contains("{{order}}");
        assertThat(preview.get("personalDataProblem").asString()).startsWith("This public reply shows a payment card");
        assertThat(preview.get("privately").asBoolean()).isTrue();
        assertThat(preview.get("parts").get(1).get("text").asString()).isEqualTo("{{order}}");
        assertThat(preview.get("parts").get(1).get("variable").asBoolean()).isTrue();
    }

    @Test
    void onlySupervisorsSetSignaturesAndOnlyForAChannelHeardHas() {
        var unknown = agent.put("/api/replies/signatures/myspace", Map.of("style", "INITIALS"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).startsWith("Heard has no channel myspace");

        var wrongStyle = agent.put("/api/replies/signatures/sandbox", Map.of("style", "emoji"));
        assertThat(wrongStyle.status()).isEqualTo(400);

        var anAgent = SavedRepliesIntegrationTests.newAgent(port, agent);
        assertThat(anAgent.put("/api/replies/signatures/sandbox", Map.of("style", "INITIALS"))
                        .status())
                .isEqualTo(403);
        assertThat(anAgent.get("/api/replies/signatures").json().get("sandbox").asString())
                .isEqualTo("NONE");
    }
}
