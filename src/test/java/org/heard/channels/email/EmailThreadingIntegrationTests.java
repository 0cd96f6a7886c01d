package org.heard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.heard.channels.email.EmailConnectorContractTests.MAILBOX;
import static org.heard.channels.email.EmailConnectorContractTests.PASSWORD;
import static org.heard.channels.email.EmailConnectorContractTests.header;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent's reply to a customer's mail reaches a real mail server in the customer's thread: it answers their
 * Message-ID, carries "Re:" and their subject, and quotes what they wrote, so their mail program shows one thread.
 */
@IntegrationTest
class EmailThreadingIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration FIRST_READ = Duration.ofSeconds(50);
    private static final String CUSTOMER = "maria.garcia@example.com";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, PASSWORD));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentsPrivateReplyGoesOutInTheCustomersThreadQuotingThem() {
        var agent = new HeardClient(port).asAdmin();
        connectTheMailbox(agent);
        // Heard starts reading the mailbox from the mail it holds when connected: the customer writes after.
        await().atMost(PATIENCE).until(() -> cursor().isPresent());

        EmailConnectorContractTests.deliver(mail, fixture("message.eml"));
        // A mailbox connected a moment ago is read again at the poll interval (30 s); from then on its IMAP IDLE
        // connection tells Heard of new mail within seconds.
        await().atMost(FIRST_READ).until(() -> conversationOf(agent).isPresent());
        long id = conversationOf(agent).orElseThrow();
        var reply = agent.post("/api/conversations/" + id + "/replies", Map.of("text", "It left our depot today."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        var sent = await().atMost(PATIENCE)
                .until(this::replyToTheCustomer, Optional::isPresent)
                .orElseThrow();
        assertThat(header(sent, "In-Reply-To")).isEqualTo("<CAMx4471+kP3Gz=QwT9@mail.gmail.com>");
        assertThat(header(sent, "References").split("\\s+")).contains("<CAMx4471+kP3Gz=QwT9@mail.gmail.com>");
        assertThat(header(sent, "Subject")).isEqualTo("Re: My order #4471 is late");
        assertThat(GreenMailUtil.getBody(sent))
                .startsWith("It left our depot today.")
                .contains("> my order #4471 was due on Monday and has not arrived.");
    }

    private void connectTheMailbox(HeardClient admin) {
        var credentials = Map.of(
                Mailbox.IMAP_HOST,
                "127.0.0.1",
                Mailbox.IMAP_PORT,
                String.valueOf(mail.getImap().getPort()),
                Mailbox.USERNAME,
                MAILBOX,
                Mailbox.PASSWORD,
                PASSWORD,
                Mailbox.SMTP_HOST,
                "127.0.0.1",
                Mailbox.SMTP_PORT,
                String.valueOf(mail.getSmtp().getPort()),
                Mailbox.FROM,
                MAILBOX,
                Mailbox.TLS,
                "false");
        var connected = admin.post(
                "/api/admin/channels", Map.of("channel", EmailConnector.CHANNEL, "credentials", credentials));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    }

    private static Optional<Long> conversationOf(HeardClient agent) {
        return agent.allConversations("status=all").stream()
                .filter(item -> CUSTOMER.equals(item.get("customerHandle").asString()))
                .map(item -> item.get("id").asLong())
                .findFirst();
    }

    private Optional<String> cursor() {
        return jdbc.sql("select poll_cursor from channel_accounts where channel = 'email' and external_id = ?")
                .param(MAILBOX)
                .query(String.class)
                .optional();
    }

    private Optional<MimeMessage> replyToTheCustomer() {
        return Arrays.stream(mail.getReceivedMessagesForDomain("example.com"))
                .filter(m -> MAILBOX.equals(header(m, "From")))
                .findFirst();
    }

    private static byte[] fixture(String name) {
        try (var in = EmailThreadingIntegrationTests.class.getResourceAsStream("/fixtures/email/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
