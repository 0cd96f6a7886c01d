package org.heard.selfservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.heard.selfservice.SelfServiceCustomers.automated;
import static org.heard.selfservice.SelfServiceCustomers.hasAutomated;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Self-service end to end on the sandbox network: a customer posts a hashtag, the network's signed webhook brings
 * it to Heard, the bot answers, and its answers go back to the network. The company's account system is WireMock.
 * Each test makes its own commands, so its figures are its own.
 */
@IntegrationTest
class SelfServiceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(AccountSystemDouble.BEAN)
    WireMockServer accounts;

    @Autowired
    MovableClock clock;

    HeardClient admin;
    SelfServiceCustomers customers;
    String run;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
        customers = new SelfServiceCustomers(admin);
        run = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void aGenericCommandIsAnsweredInPublicAsAutomatedAndClosedAsDeflected() {
        var tag = command("refund", "ANSWER", "Refunds take 5 working days; ask at example.com/refund.", null, null);
        var handle = handle("ana");

        customers.post(handle, "@heardbrand #" + tag.toUpperCase() + " please");

        long id = customers.conversations(handle, 1).getFirst().get("id").asLong();
        var conversation =
                customers.conversationWhen(id, c -> c.get("status").asString().equals("RESOLVED"));
        assertThat(automated(conversation)).singleElement().satisfies(m -> {
            assertThat(m.get("visibility").asString()).isEqualTo("PUBLIC");
            assertThat(m.get("text").asString())
                    .isEqualTo("Automated answer: Refunds take 5 working days; ask at example.com/refund."
                            + " Reply \"human\" to talk to a person.");
        });
        assertThat(conversation.get("firstResponseAt").isNull())
                .as("an automated answer is no person's response")
                .isTrue();
        assertThat(conversation.get("tags").valueStream().map(JsonNode::asString))
                .contains("self-service");
        var figures = customers.figures(tag);
        assertThat(figures.get("uses").asInt()).isEqualTo(1);
        assertThat(figures.get("answered").asInt()).isEqualTo(1);
        assertThat(figures.get("deflected").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownCommandGetsTheListOfCommandsButAnOrdinaryHashtagGetsNothing() {
        var tag = command("hours", "ANSWER", "We're here 8:00 to 20:00, every day.", null, null);
        var ordinary = handle("ordinary");
        var typo = handle("typo");

        customers.post(ordinary, "loving the #weekend @heardbrand");
        customers.post(typo, "@heardbrand #nosuch" + run);

        long typoId = customers.conversations(typo, 1).getFirst().get("id").asLong();
        var help = customers.conversationWhen(typoId, c -> !automated(c).isEmpty());
        assertThat(automated(help).getFirst().get("text").asString())
                .startsWith("Automated answer: I answer ")
                .contains("#" + tag)
                .endsWith("Post one of them, or reply \"human\" to talk to a person.");
        // The bot reads messages in the order they came; the ordinary post was read before the help went out.
        long ordinaryId =
                customers.conversations(ordinary, 1).getFirst().get("id").asLong();
        assertThat(automated(customers.conversation(ordinaryId))).isEmpty();
    }

    @Test
    void aComplaintOpensAHighPriorityCaseInItsQueueAndSaysSoAndTheBotStaysQuiet() {
        var queue = "cases-" + run;
        assertThat(admin.put("/api/triage/queues/" + queue, Map.of("name", "Cases " + run, "mode", "PULL"))
                        .status())
                .isEqualTo(200);
        var tag = command("complaint", "CASE", "We've opened a case; a person will reply here soon.", queue, 70);
        var handle = handle("cat");

        long post = customers.post(handle, "#" + tag + " my router has been dead for two days");

        long id = customers.conversations(handle, 1).getFirst().get("id").asLong();
        var opened = customers.conversationWhen(id, c -> !automated(c).isEmpty());
        assertThat(opened.get("queue").asString()).isEqualTo(queue);
        assertThat(opened.get("priority").asInt()).isGreaterThanOrEqualTo(70);
        assertThat(opened.get("priorityLevel").asString()).isIn("high", "urgent");
        assertThat(opened.get("priorityReason").asString()).contains("self-service case: #" + tag);
        assertThat(opened.get("status").asString()).isNotEqualTo("RESOLVED");
        assertThat(automated(opened).getFirst().get("text").asString())
                .isEqualTo("Automated answer: We've opened a case; a person will reply here soon.");

        customers.reply(handle, "any news? also #" + tag, post);

        var later = customers.conversationWhen(id, c -> c.get("messages").size() == 3);
        assertThat(later.get("priority").asInt())
                .as("the case keeps its priority when the customer writes again")
                .isGreaterThanOrEqualTo(70);
        assertThat(automated(later))
                .as("a person is coming; the bot says no more")
                .hasSize(1);
        assertThat(customers.figures(tag).get("casesOpened").asInt()).isEqualTo(1);
    }

    @Test
    void anAccountCommandSendsAOneTimeLinkAndAfterLinkingAnswersPrivately() {
        var tag = command("balance", "ACCOUNT", "Your balance is {{balance}}.", null, null);
        var handle = handle("dee");
        stubAccount("acc-" + run, "4321", "ref-" + run, tag, "{\"balance\":\"£12.40\"}");

        customers.post(handle, "@heardbrand #" + tag);

        long id = customers.conversations(handle, 1).getFirst().get("id").asLong();
        var asked = customers.conversationWhen(id, c -> !automated(c).isEmpty());
        assertThat(automated(asked).getFirst().get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(automated(asked).getFirst().get("text").asString())
                .contains("connect your account privately with this one-time link (valid 30 min)")
                .doesNotContain("£");
        var link = new SelfServiceCustomers.LinkVisit(port, SelfServiceCustomers.linkIn(asked));
        var page = link.open();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connect your account", "#" + tag, "private message");

        var wrong = link.connect("acc-" + run, "0000");
        assertThat(wrong.body()).contains("match an account", "4 tries");
        var connected = link.connect("acc-" + run, "4321");

        assertThat(connected.statusCode()).isEqualTo(200);
        assertThat(connected.body()).contains("Connected");
        var answered = customers.conversationWhen(id, c -> hasAutomated(c, "PRIVATE", "£12.40"));
        assertThat(answered.get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(automated(answered).getLast().get("text").asString())
                .isEqualTo("Automated answer: Your balance is £12.40. Reply \"human\" to talk to a person.");
        accounts.verify(getRequestedFor(urlEqualTo("/customers/ref-" + run + "/" + tag))
                .withHeader("Authorization", equalTo("Bearer " + AccountSystemDouble.TOKEN)));

        var reused = link.connect("acc-" + run, "4321");
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("expired or was already used", "post <strong>#" + tag);

        customers.post(handle, "#" + tag + " again please");

        var next = customers.conversations(handle, 2).stream()
                .filter(c -> c.get("id").asLong() != id)
                .findFirst()
                .orElseThrow();
        var straight = customers.conversationWhen(next.get("id").asLong(), c -> hasAutomated(c, "PRIVATE", "£12.40"));
        assertThat(hasAutomated(straight, "PUBLIC", "we've sent your " + tag + " to you in a private message"))
                .isTrue();
        assertThat(automated(straight)).noneMatch(m -> m.get("text").asString().contains("/p/link/"));
        var figures = customers.figures(tag);
        assertThat(figures.get("linksSent").asInt()).isEqualTo(1);
        assertThat(figures.get("linked").asInt()).isEqualTo(1);
        assertThat(figures.get("answered").asInt()).isEqualTo(2);
    }

    @Test
    void anExpiredLinkIsRefusedWithAClearPageAndLinksNothing() {
        var tag = command("data", "ACCOUNT", "You have {{data_left}} left.", null, null);
        var handle = handle("eve");
        stubAccount("acc-" + run, "1111", "ref-" + run, tag, "{\"data_left\":\"2 GB\"}");
        customers.post(handle, "#" + tag);
        long id = customers.conversations(handle, 1).getFirst().get("id").asLong();
        var link = new SelfServiceCustomers.LinkVisit(
                port,
                SelfServiceCustomers.linkIn(
                        customers.conversationWhen(id, c -> !automated(c).isEmpty())));
        assertThat(link.open().statusCode()).isEqualTo(200);

        clock.moveForward(Duration.ofMinutes(31));
        try {
            var expired = link.open();
            var tried = link.connect("acc-" + run, "1111");

            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("expired or was already used", "post <strong>#" + tag);
            assertThat(tried.statusCode()).isEqualTo(410);
        } finally {
            clock.reset();
        }
        accounts.verify(
                0,
                postRequestedFor(urlEqualTo("/verify"))
                        .withRequestBody(equalToJson("{\"account\":\"acc-" + run + "\",\"secret\":\"1111\"}")));
        assertThat(customers.figures(tag).get("linked").asInt()).isZero();
        assertThat(new SelfServiceCustomers.LinkVisit(port, "/p/link/no-such-link")
                        .open()
                        .statusCode())
                .isEqualTo(410);
    }

    @Test
    void aLookupThatFailsTellsTheCustomerAPersonWillFollowUpAndHandsOver() {
        var tag = command("charges", "ACCOUNT", "Your latest charges: {{charges}}.", null, null);
        var handle = handle("fay");
        accounts.stubFor(post(urlEqualTo("/verify"))
                .withRequestBody(equalToJson("{\"account\":\"acc-" + run + "\",\"secret\":\"2222\"}"))
                .willReturn(okJson("{\"customerRef\":\"ref-" + run + "\"}")));
        accounts.stubFor(get(urlEqualTo("/customers/ref-" + run + "/" + tag))
                .willReturn(aResponse().withStatus(500)));
        customers.post(handle, "#" + tag);
        long id = customers.conversations(handle, 1).getFirst().get("id").asLong();
        var link = new SelfServiceCustomers.LinkVisit(
                port,
                SelfServiceCustomers.linkIn(
                        customers.conversationWhen(id, c -> !automated(c).isEmpty())));

        link.connect("acc-" + run, "2222");

        var handedOver = customers.conversationWhen(id, c -> hasAutomated(c, "PUBLIC", "can't fetch your " + tag));
        assertThat(handedOver.get("status").asString()).isNotEqualTo("RESOLVED");
        assertThat(handedOver.get("priority").asInt()).isGreaterThanOrEqualTo(50);
        assertThat(handedOver.get("tags").valueStream().map(JsonNode::asString)).contains("bot-handover");
        assertThat(handedOver.get("notes")).singleElement().satisfies(note -> {
            assertThat(note.get("authorName").asString()).isEqualTo("Automated");
            assertThat(note.get("text").asString()).contains("account lookup failed", "#" + tag);
        });
        var figures = customers.figures(tag);
        assertThat(figures.get("lookupsFailed").asInt()).isEqualTo(1);
        assertThat(figures.get("handedOver").asInt()).isEqualTo(1);
    }

    @Test
    void askingForAHumanHandsOverWithTheContextAndTheBotStaysQuietAfterwards() {
        var tag = command("roaming", "ANSWER", "Roaming in the EU costs nothing extra on every plan.", null, null);
        var handle = handle("gus");
        long post = customers.post(handle, "#" + tag);
        long id = customers.conversations(handle, 1).getFirst().get("id").asLong();
        customers.conversationWhen(id, c -> c.get("status").asString().equals("RESOLVED"));

        customers.reply(handle, "that doesn't help, can I talk to a human?", post);

        var handedOver =
                customers.conversationWhen(id, c -> hasAutomated(c, "PUBLIC", "a person from our team will reply"));
        assertThat(handedOver.get("status").asString()).isEqualTo("OPEN");
        assertThat(handedOver.get("priority").asInt()).as(handedOver.toString()).isGreaterThanOrEqualTo(50);
        assertThat(handedOver.get("priorityReason").asString()).contains("asked for a person");
        assertThat(handedOver.get("notes"))
                .singleElement()
                .satisfies(note -> assertThat(note.get("text").asString())
                        .contains(
                                "asked for a person",
                                "#" + tag,
                                "Roaming in the EU costs nothing extra",
                                "talk to a human"));

        customers.reply(handle, "#" + tag, post);
        var other = handle("gus-later");
        customers.post(other, "#" + tag);
        long otherId = customers.conversations(other, 1).getFirst().get("id").asLong();
        customers.conversationWhen(otherId, c -> !automated(c).isEmpty());

        assertThat(automated(customers.conversation(id)))
                .as("quiet after the handover")
                .hasSize(2);
        var figures = customers.figures(tag);
        assertThat(figures.get("handedOver").asInt()).isEqualTo(1);
        assertThat(figures.get("deflected").asInt())
                .as("the handed-over use is not deflected")
                .isEqualTo(1);
    }

    @Test
    void anAngryReplyHandsOver() {
        var tag = command("outage", "ANSWER", "No outage is known right now; see example.com/status.", null, null);
        var handle = handle("hal");
        long post = customers.post(handle, "#" + tag);
        long id = customers.conversations(handle, 1).getFirst().get("id").asLong();
        customers.conversationWhen(id, c -> !automated(c).isEmpty());

        customers.reply(handle, "This is USELESS!!! Worst service ever, I am absolutely furious 😡😡", post);

        var handedOver =
                customers.conversationWhen(id, c -> hasAutomated(c, "PUBLIC", "a person from our team will reply"));
        assertThat(handedOver.get("notes").get(0).get("text").asString()).contains("sounds angry");
    }

    @Test
    void commandsAreCheckedWhenSavedAndOnlySupervisorsChangeThem() {
        var badQueue = admin.put(
                "/api/selfservice/commands/broken" + run,
                Map.of("kind", "CASE", "answer", "Case opened.", "queue", "nowhere-" + run));
        var badTag = admin.put("/api/selfservice/commands/no%20tag", Map.of("kind", "ANSWER", "answer", "Hi"));
        var created = admin.post(
                "/api/admin/users",
                Map.of(
                        "email",
                        "agent-" + run + "@example.com",
                        "name",
                        "Agent " + run,
                        "password",
                        "a-long-enough-password",
                        "role",
                        "AGENT"));
        assertThat(created.status()).isEqualTo(201);
        var agent = new HeardClient(port).signIn("agent-" + run + "@example.com", "a-long-enough-password");
        var notAllowed = agent.put("/api/selfservice/commands/x" + run, Map.of("kind", "ANSWER", "answer", "Hi"));

        assertThat(badQueue.status()).isEqualTo(400);
        assertThat(badQueue.json().get("detail").asString()).contains("There is no queue nowhere-" + run);
        assertThat(badTag.status()).isEqualTo(400);
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(agent.get("/api/selfservice/commands").status()).isEqualTo(200);
    }

    private String command(String name, String kind, String answer, String queue, Integer priority) {
        var tag = name + "_" + run;
        var body = new HashMap<String, Object>(Map.of("kind", kind, "answer", answer));
        if (queue != null) {
            body.put("queue", queue);
        }
        if (priority != null) {
            body.put("priority", priority);
        }
        var saved = admin.put("/api/selfservice/commands/" + tag, body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return tag;
    }

    private String handle(String name) {
        return name + "-" + run;
    }

    private void stubAccount(String account, String secret, String ref, String tag, String values) {
        accounts.stubFor(post(urlEqualTo("/verify"))
                .withHeader("Authorization", equalTo("Bearer " + AccountSystemDouble.TOKEN))
                .withRequestBody(equalToJson("{\"account\":\"" + account + "\",\"secret\":\"" + secret + "\"}"))
                .willReturn(okJson("{\"customerRef\":\"" + ref + "\"}")));
        accounts.stubFor(post(urlEqualTo("/verify"))
                .withRequestBody(equalToJson("{\"account\":\"" + account + "\",\"secret\":\"0000\"}"))
                .willReturn(aResponse().withStatus(404)));
        accounts.stubFor(get(urlEqualTo("/customers/" + ref + "/" + tag)).willReturn(okJson(values)));
    }
}
