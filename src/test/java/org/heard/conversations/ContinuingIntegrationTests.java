package org.heard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.conversations.TestNetworks.RecordingNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An agent moves a conversation from public to private, or to the customer's linked profile on another
 * channel, keeping one history; and links and unlinks a customer's profiles by hand. Customers write on
 * the sandbox network (which lets the brand message them privately) and on two test networks.
 */
@IntegrationTest
class ContinuingIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("postbox")
    RecordingNetwork postbox;

    HeardClient agent;
    HeardClient network;

    @BeforeEach
    void connect() {
        agent = new HeardClient(port).asAdmin();
        network = new HeardClient(port);
    }

    @Test
    void goingPrivatePostsThePublicNoteInTheThreadThenRepliesAndTheCustomersMessagesArePrivateAndJoinIt() {
        var handle = persona();
        var post = customerPosts(handle, "@heardbrand you charged me twice for order 88", null, false);
        long id = awaitConversationOf(handle).get("id").asLong();

        var options =
                agent.get("/api/conversations/" + id + "/continuation-options").json();
        assertThat(options.get("options").get(0).get("possible").asBoolean()).isTrue();
        assertThat(options.get("options").get(0).get("defaultNote").asString())
                .isEqualTo("We've sent you a private message so we can sort this out together.");

        var continued = agent.post("/api/conversations/" + id + "/continuation", new HashMap<String, Object>());
        assertThat(continued.status()).as(continued.body()).isEqualTo(201);
        assertThat(continued.json().get("id").asLong()).isEqualTo(id);
        assertThat(continued.json().get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(continued.json().get("firstResponseAt").isNull())
                .as("the public note answered the customer")
                .isFalse();
        assertThat(continued.json().get("markers").get(0).get("text").asString())
                .isEqualTo("Continued privately");

        var note = awaitOnNetwork("We've sent you a private message so we can sort this out together.");
        assertThat(note.get("private").asBoolean()).isFalse();
        assertThat(note.get("inReplyTo").asLong()).isEqualTo(post.get("id").asLong());

        agent.post("/api/conversations/" + id + "/replies", Map.of("text", "Which card did you pay with?"));
        var reply = awaitOnNetwork("Which card did you pay with?");
        assertThat(reply.get("private").asBoolean()).isTrue();
        assertThat(reply.get("recipient").get("handle").asString()).isEqualTo(handle);

        await().atMost(PATIENCE)
                .until(() -> detail(id)
                        .get("messages")
                        .get(2)
                        .get("deliveryState")
                        .asString()
                        .equals("SENT"));
        customerPosts(handle, "The Visa ending 4242", null, true);
        var detail = await().atMost(PATIENCE)
                .until(() -> detail(id), d -> d.get("messages").size() == 4);
        assertThat(detail.get("messages").get(3).get("text").asString()).isEqualTo("The Visa ending 4242");
        assertThat(detail.get("status").asString()).as(detail.toString()).isEqualTo("OPEN");
        assertThat(conversationRows(handle)).hasSize(1);
    }

    @Test
    void theCustomersAnswerToThePublicNoteJoinsTheConversationThatWentPrivate() {
        var handle = persona();
        customerPosts(handle, "@heardbrand my router is dead", null, false);
        long id = awaitConversationOf(handle).get("id").asLong();
        agent.post("/api/conversations/" + id + "/continuation", Map.of("note", "Sent you a DM " + handle));
        var note = awaitOnNetwork("Sent you a DM " + handle);
        // Heard knows the note by the network's id once the outbox has recorded it as sent.
        await().atMost(PATIENCE)
                .until(() -> detail(id)
                        .get("messages")
                        .get(1)
                        .get("deliveryState")
                        .asString()
                        .equals("SENT"));

        customerPosts(handle, "got it, thanks", note.get("id").asLong(), false);

        await().atMost(PATIENCE).until(() -> detail(id).get("messages").size() == 3);
        assertThat(conversationRows(handle)).hasSize(1);
    }

    @Test
    void aCustomerWithAnOpenPrivateConversationGoesOnInItAndBothPointToEachOther() {
        var handle = persona();
        customerPosts(handle, "Hi, about my refund", null, true);
        long privateOne = awaitConversationOf(handle).get("id").asLong();
        customerPosts(handle, "@heardbrand still no refund after 3 weeks!", null, false);
        long publicOne =
                await().atMost(PATIENCE).until(() -> conversationRows(handle), rows -> rows.size() == 2).stream()
                        .filter(row -> row.get("visibility").asString().equals("PUBLIC"))
                        .findFirst()
                        .orElseThrow()
                        .get("id")
                        .asLong();

        var continued = agent.post(
                "/api/conversations/" + publicOne + "/continuation",
                Map.of("note", "Replied in your DMs " + handle, "text", "Looking at your refund now."));

        assertThat(continued.status()).as(continued.body()).isEqualTo(201);
        assertThat(continued.json().get("id").asLong()).isEqualTo(privateOne);
        assertThat(awaitOnNetwork("Replied in your DMs " + handle)
                        .get("private")
                        .asBoolean())
                .isFalse();
        assertThat(awaitOnNetwork("Looking at your refund now.").get("private").asBoolean())
                .isTrue();
        var was = detail(publicOne);
        assertThat(was.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(was.get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(was.get("notes").get(0).get("text").asString())
                .isEqualTo("Continued in conversation #" + privateOne + ".");
        var goesOn = detail(privateOne);
        assertThat(goesOn.get("notes").get(0).get("text").asString())
                .isEqualTo("Continued from public conversation #" + publicOne
                        + ": \u201c@heardbrand still no refund after 3 weeks!\u201d");
        assertThat(goesOn.get("markers").get(0).get("otherConversationId").asLong())
                .isEqualTo(publicOne);
        assertThat(goesOn.get("messages"))
                .extracting(m -> m.get("text").asString())
                .containsExactly("Hi, about my refund", "Looking at your refund now.");
    }

    @Test
    void aNetworkThatForbidsPrivateMessagesFirstIsRefusedWithItsReasonAndNothingIsSent() {
        var author = persona();
        deliver(
                TestNetworks.NOTICEBOARD,
                TestNetworks.message("board", "n-" + author, author, "Noor", "Broken!", false, null));
        long id = awaitConversationOf(author).get("id").asLong();

        var option = agent.get("/api/conversations/" + id + "/continuation-options")
                .json()
                .get("options")
                .get(0);
        var refused = agent.post("/api/conversations/" + id + "/continuation", Map.of("note", "DM us"));

        assertThat(option.get("possible").asBoolean()).isFalse();
        assertThat(option.get("reason").asString()).contains("noticeboard does not let the brand message");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("noticeboard does not let the brand message");
        var detail = detail(id);
        assertThat(detail.get("messages").size()).isEqualTo(1);
        assertThat(detail.get("visibility").asString()).isEqualTo("PUBLIC");
    }

    @Test
    void linkingAProfileBringsItsConversationsAndUnlinkingPutsItBackExactlyWithEveryStepRecorded() {
        var handle = persona();
        customerPosts(handle, "@heardbrand where is my parcel", null, false);
        var onSandbox = awaitConversationOf(handle);
        long contact = detail(onSandbox.get("id").asLong())
                .get("customer")
                .get("contactId")
                .asLong();
        var mailer = persona();
        deliver(
                TestNetworks.POSTBOX,
                TestNetworks.message("help@heard", "m-" + mailer, mailer, "Ana Costa", "Parcel?", true, null));
        long mailConversation = awaitConversationOf(mailer).get("id").asLong();
        var mailCustomer = detail(mailConversation).get("customer");
        long ownContact = mailCustomer.get("contactId").asLong();
        long identity = mailCustomer.get("identityId").asLong();

        var found = agent.get("/api/contacts/" + contact + "/profile-search?q=" + mailer)
                .json();
        assertThat(found).extracting(p -> p.get("identityId").asLong()).containsExactly(identity);
        assertThat(agent.get("/api/contacts/" + contact + "/profiles").json())
                .extracting(p -> p.get("channel").asString())
                .containsExactly("sandbox");

        var linked = agent.post("/api/contacts/" + contact + "/links", Map.of("identityId", identity));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(agent.get("/api/contacts/" + contact + "/profiles").json())
                .extracting(p ->
                        p.get("channel").asString() + ":" + p.get("linkedBy").isNull())
                .containsExactly("postbox:false", "sandbox:true");
        assertThat(detail(mailConversation).get("customer").get("contactId").asLong())
                .isEqualTo(contact);
        assertThat(agent.get("/api/contacts/" + contact + "/profile-search?q=" + mailer)
                        .json())
                .isEmpty();
        var again = agent.post("/api/contacts/" + contact + "/links", Map.of("identityId", identity));
        assertThat(again.status()).isEqualTo(400);

        var unlinked = agent.delete("/api/contacts/" + contact + "/links/" + identity);
        assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(200);
        assertThat(detail(mailConversation).get("customer").get("contactId").asLong())
                .isEqualTo(ownContact);
        assertThat(agent.get("/api/contacts/" + contact + "/profiles").json()).hasSize(1);
        var history = agent.get("/api/contacts/" + contact + "/links").json();
        assertThat(history)
                .extracting(l ->
                        l.get("action").asString() + " " + l.get("identityId").asLong() + " "
                                + l.get("fromContactId").asLong() + "->"
                                + l.get("toContactId").asLong())
                .containsExactly(
                        "UNLINKED " + identity + " " + contact + "->" + ownContact,
                        "LINKED " + identity + " " + ownContact + "->" + contact);
        assertThat(history.get(0).get("byName").asString()).isNotBlank();
        var nothing = agent.delete("/api/contacts/" + contact + "/links/" + identity);
        assertThat(nothing.status()).isEqualTo(400);
    }

    @Test
    void aConversationGoesOnWithTheCustomersLinkedProfileOnAnotherChannelFromTheAccountHeardUsedBefore() {
        var handle = persona();
        customerPosts(handle, "@heardbrand my invoice is wrong", null, false);
        long id = awaitConversationOf(handle).get("id").asLong();
        long contact = detail(id).get("customer").get("contactId").asLong();
        var mailer = persona();
        deliver(
                TestNetworks.POSTBOX,
                TestNetworks.message("billing@heard", "m-" + mailer, mailer, "Ana", "Invoice 12", true, null));
        long mailConversation = awaitConversationOf(mailer).get("id").asLong();
        long identity =
                detail(mailConversation).get("customer").get("identityId").asLong();
        agent.post("/api/conversations/" + mailConversation + "/status", Map.of("status", "RESOLVED"));

        var notLinked = agent.post(
                "/api/conversations/" + id + "/continuation", Map.of("identityId", identity, "text", "Hello"));
        assertThat(notLinked.status()).isEqualTo(400);
        assertThat(notLinked.json().get("detail").asString()).contains("is not linked to this customer");

        agent.post("/api/contacts/" + contact + "/links", Map.of("identityId", identity));
        var option = StreamSupport.stream(
                        agent.get("/api/conversations/" + id + "/continuation-options")
                                .json()
                                .get("options")
                                .spliterator(),
                        false)
                .filter(o -> !o.get("identityId").isNull())
                .findFirst()
                .orElseThrow();
        assertThat(option.get("account").asString()).isEqualTo("billing@heard");
        assertThat(option.get("defaultNote").asString())
                .isEqualTo("We've sent you a message on postbox to sort this out.");
        var withoutText = agent.post("/api/conversations/" + id + "/continuation", Map.of("identityId", identity));
        assertThat(withoutText.status()).isEqualTo(400);

        var moved = agent.post(
                "/api/conversations/" + id + "/continuation",
                Map.of("identityId", identity, "text", "Hi Ana, here is the corrected invoice " + handle));

        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(moved.json().get("id").asLong()).isEqualTo(id);
        assertThat(moved.json().get("channel").asString()).isEqualTo("postbox");
        assertThat(moved.json().get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(moved.json().get("markers").get(0).get("text").asString()).isEqualTo("Continued on postbox");
        assertThat(awaitOnNetwork("We've sent you a message on postbox to sort this out.")
                        .get("private")
                        .asBoolean())
                .isFalse();
        var mail = await().atMost(PATIENCE)
                .until(
                        () -> postbox.sent.stream()
                                .filter(m -> m.text().endsWith(handle))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(mail.account()).isEqualTo("billing@heard");
        assertThat(mail.recipient()).isEqualTo(mailer);
        assertThat(mail.visibility().name()).isEqualTo("PRIVATE");

        deliver(
                TestNetworks.POSTBOX,
                TestNetworks.message("billing@heard", "m2-" + mailer, mailer, "Ana", "Thanks!", true, null));
        var detail = await().atMost(PATIENCE)
                .until(() -> detail(id), d -> d.get("messages").size() == 4);
        // The note and the first message are sent at once; each shows when its network took it.
        assertThat(detail.get("messages"))
                .extracting(
                        m -> m.get("channel").asString() + " " + m.get("text").asString())
                .containsExactlyInAnyOrder(
                        "sandbox @heardbrand my invoice is wrong",
                        "sandbox We've sent you a message on postbox to sort this out.",
                        "postbox Hi Ana, here is the corrected invoice " + handle,
                        "postbox Thanks!");
        assertThat(detail.get("messages").get(3).get("text").asString()).isEqualTo("Thanks!");
    }

    private void deliver(String channel, String body) {
        var response = network.send(HttpRequest.newBuilder(URI.create(network.base() + "/hooks/" + channel))
                .header("Content-Type", "application/json")
                .header("X-Test-Network", channel)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String persona() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode customerPosts(String handle, String text, Long inReplyTo, boolean isPrivate) {
        var body = new HashMap<String, Object>();
        body.put("author", handle);
        body.put("text", text);
        body.put("private", isPrivate);
        if (inReplyTo != null) {
            body.put("inReplyTo", inReplyTo);
        }
        var response = network.post("/api/sandbox/posts", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode awaitOnNetwork(String text) {
        return await().atMost(PATIENCE)
                .until(
                        () -> StreamSupport.stream(
                                        network.get("/api/sandbox/posts?limit=1000")
                                                .json()
                                                .spliterator(),
                                        false)
                                .filter(p -> p.get("text").asString().equals(text))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private List<JsonNode> conversationRows(String handle) {
        return agent.allConversations("status=all").stream()
                .filter(item -> handle.equals(item.get("customerHandle").asString()))
                .toList();
    }

    private JsonNode awaitConversationOf(String handle) {
        return await().atMost(PATIENCE)
                .until(() -> conversationRows(handle), rows -> !rows.isEmpty())
                .getFirst();
    }

    private JsonNode detail(long id) {
        return agent.get("/api/conversations/" + id).json();
    }
}
