package org.heard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.channels.OutboundMessage;
import org.heard.conversations.TestNetworks.RecordingNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

/**
 * What a reply answers on the network: a private reply the customer's latest message, where the network's private
 * messages can answer one (chatline), and nothing where they cannot (postbox); a public reply the customer's latest
 * public post, as before. An automated reply answers the same way.
 */
@IntegrationTest
class ReplyTargetIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("chatline")
    RecordingNetwork chatline;

    @Autowired
    @Qualifier("postbox")
    RecordingNetwork postbox;

    @Autowired
    ScheduledTaskHolder scheduler;

    HeardClient agent;

    @BeforeEach
    void signIn() {
        agent = new HeardClient(port).asAdmin();
    }

    @Test
    void aPrivateReplyAnswersTheCustomersLatestMessageInTheirChat() {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        customerWrites(TestNetworks.CHATLINE, "help@chatline", "first-" + customer, customer, true, hoursAgo(2));
        customerWrites(TestNetworks.CHATLINE, "help@chatline", "latest-" + customer, customer, true, hoursAgo(1));
        long id = agent.conversationOf(customer);
        awaitCustomersMessages(id, "first-" + customer, "latest-" + customer);

        var reply = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Sorry, looking now."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        assertThat(sent(chatline, "Sorry, looking now.").inReplyTo()).isEqualTo("latest-" + customer);
    }

    @Test
    void aStillOnItUpdateBeforeTheAgentAnswersLeavesThePrivateReplyAnsweringTheCustomersLatestMessage() {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        customerWrites(TestNetworks.CHATLINE, "help@chatline", "first-" + customer, customer, true, hoursAgo(2));
        customerWrites(TestNetworks.CHATLINE, "help@chatline", "latest-" + customer, customer, true, hoursAgo(1));
        long id = agent.conversationOf(customer);
        awaitCustomersMessages(id, "first-" + customer, "latest-" + customer);

        // The customer has waited two hours since their first message: the round that Heard's scheduler runs
        // every minute tells them they are not forgotten, before the agent has looked.
        stillOnItRoundComes();
        assertThat(messages(id))
                .extracting(m ->
                        m.get("direction").asString() + ": " + m.get("text").asString())
                .hasSize(3)
                .startsWith("INBOUND: Hello? first-" + customer, "INBOUND: Hello? latest-" + customer)
                .last()
                .asString()
                .startsWith("OUTBOUND: Automatic update: we haven't forgotten you.");

        var reply = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Sorry, looking now."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(sent(chatline, "Sorry, looking now.").inReplyTo()).isEqualTo("latest-" + customer);
    }

    @Test
    void aPublicReplyAnswersThePostAndAPrivateMessageThatAnswersNothingIsGivenNothing() {
        var commenter = "c-" + UUID.randomUUID().toString().substring(0, 8);
        customerWrites(TestNetworks.CHATLINE, "help@chatline", "post-" + commenter, commenter, false, hoursAgo(1));
        long comment = agent.conversationOf(commenter);
        agent.post("/api/conversations/" + comment + "/replies", Map.of("text", "Thanks!", "visibility", "public"));
        assertThat(sent(chatline, "Thanks!").inReplyTo()).isEqualTo("post-" + commenter);

        var writer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        customerWrites(TestNetworks.POSTBOX, "help@postbox", "letter-" + writer, writer, true, hoursAgo(1));
        long letter = agent.conversationOf(writer);
        agent.post("/api/conversations/" + letter + "/replies", Map.of("text", "We read your letter."));
        assertThat(sent(postbox, "We read your letter.").inReplyTo()).isNull();
    }

    @Test
    void anAwayReplyToAPrivateMessageAnswersItToo() {
        closedFromYesterdayToTomorrow();
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);

        customerWrites(TestNetworks.CHATLINE, "help@chatline", "late-" + customer, customer, true, Instant.now());

        var away = await().atMost(PATIENCE)
                .until(
                        () -> chatline.sent.stream()
                                .filter(m -> m.text().startsWith("Automatic reply"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(away.recipient()).isEqualTo(customer);
        assertThat(away.inReplyTo()).isEqualTo("late-" + customer);
    }

    private void closedFromYesterdayToTomorrow() {
        var today = LocalDate.now(ZoneOffset.UTC);
        var weekly = new HashMap<String, Object>();
        for (var day : DayOfWeek.values()) {
            weekly.put(day.name(), List.of("09:00-17:00"));
        }
        var days = List.of(
                Map.of("date", today.minusDays(1).toString(), "name", "Stocktake"),
                Map.of("date", today.toString(), "name", "Stocktake"),
                Map.of("date", today.plusDays(1).toString(), "name", "Stocktake"));
        var closed = agent.put("/api/triage/hours", Map.of("zone", "UTC", "weekly", weekly, "days", days));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    private void customerWrites(
            String network, String account, String messageId, String customer, boolean isPrivate, Instant at) {
        var client = new HeardClient(port);
        var body = TestNetworks.messageAt(account, messageId, customer, "Pablo", "Hello? " + messageId, isPrivate, at);
        var response = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/hooks/" + network))
                .header("Content-Type", "application/json")
                .header("X-Test-Network", network)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /**
     * Waits until the conversation shows the customer's messages with these network ids. It may show more: Heard's
     * own automatic updates can come in between at any moment, so a count of messages is not what to wait for.
     */
    private void awaitCustomersMessages(long conversationId, String... externalIds) {
        await().atMost(PATIENCE).until(() -> {
            var shown = new ArrayList<String>();
            for (var message : messages(conversationId)) {
                if ("INBOUND".equals(message.get("direction").asString())) {
                    shown.add(message.get("externalId").asString());
                }
            }
            return shown.containsAll(List.of(externalIds));
        });
    }

    private List<JsonNode> messages(long conversationId) {
        var messages = new ArrayList<JsonNode>();
        agent.get("/api/conversations/" + conversationId).json().get("messages").forEach(messages::add);
        return messages;
    }

    /** Runs Heard's scheduled "still on it" round now, as its scheduler does every minute. */
    private void stillOnItRoundComes() {
        scheduler.getScheduledTasks().stream()
                .filter(task -> task.toString().endsWith("WaitUpdateSender.watch"))
                .findFirst()
                .orElseThrow()
                .getTask()
                .getRunnable()
                .run();
    }

    private static OutboundMessage sent(RecordingNetwork network, String text) {
        return await().atMost(PATIENCE)
                .until(
                        () -> network.sent.stream()
                                .filter(m -> text.equals(m.text()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Instant hoursAgo(int hours) {
        return Instant.now().minus(Duration.ofHours(hours));
    }
}
