package org.heard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ChannelConnectorContract;
import org.heard.channels.Credentials;
import org.heard.channels.InboundDelivery;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract against a real IMAP and SMTP server (GreenMail): each fixture is delivered into the
 * mailbox and reaches Heard through {@link EmailConnector#poll}. GreenMail takes every mail, so the
 * failures are played by {@link ScriptedSmtpServer} with the replies a Postfix submission port gives.
 */
class EmailConnectorContractTests extends ChannelConnectorContract {

    static final String MAILBOX = "support@heard.example";
    static final String PASSWORD = "imap-password-1234";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, PASSWORD));

    private @Nullable Integer smtpPort;
    private @Nullable ScriptedSmtpServer smtp;
    private @Nullable String cursor;

    static ChannelAccount account(int imapPort, int smtpPort) {
        return new ChannelAccount(
                7,
                "email",
                "k3yForTheMailbox",
                MAILBOX,
                MAILBOX,
                null,
                Credentials.of(Map.of(
                        Mailbox.IMAP_HOST,
                        "127.0.0.1",
                        Mailbox.IMAP_PORT,
                        String.valueOf(imapPort),
                        Mailbox.USERNAME,
                        MAILBOX,
                        Mailbox.PASSWORD,
                        PASSWORD,
                        Mailbox.SMTP_HOST,
                        "127.0.0.1",
                        Mailbox.SMTP_PORT,
                        String.valueOf(smtpPort),
                        Mailbox.FROM,
                        MAILBOX,
                        Mailbox.TLS,
                        "false")));
    }

    static EmailSettings settings() {
        return new EmailSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 50, Duration.ofDays(7));
    }

    /** Puts a raw mail into the support mailbox, as the provider's MX would. */
    static void deliver(GreenMailExtension server, byte[] raw) {
        MimeMessage message = GreenMailUtil.newMimeMessage(new String(raw, StandardCharsets.UTF_8));
        server.getUserManager().getUser(MAILBOX).deliver(message);
    }

    @AfterEach
    void stopScriptedServer() throws IOException {
        if (smtp != null) {
            smtp.close();
        }
    }

    @Override
    protected String network() {
        return "email";
    }

    @Override
    protected String fixtureFile(String name) {
        return name.replace(".json", ".eml");
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return new EmailConnector(settings());
    }

    @Override
    protected ChannelAccount account() {
        return account(
                mail.getImap().getPort(),
                smtpPort != null ? smtpPort : mail.getSmtp().getPort());
    }

    /**
     * Delivers the fixture and polls from where the last poll stopped, then reads each delivery as the
     * inbound processor will: a mail no one can answer is refused there, never by the poll, which must
     * not stop at it.
     */
    @Override
    protected List<InboundDelivery> deliveries(byte[] fixture) {
        try {
            if (cursor == null) {
                cursor = connector.poll(account(), null).cursor();
            }
            deliver(mail, fixture);
            var poll = connector.poll(account(), cursor);
            cursor = poll.cursor();
            poll.deliveries().forEach(connector::normalise);
            return poll.deliveries();
        } catch (SendFailed e) {
            throw new AssertionError("Polling GreenMail failed: " + e.getMessage(), e);
        }
    }

    /** A webhook for the mailbox's own URL, carrying the mail: email has none, so it is always refused. */
    @Override
    protected WebhookRequest signed(byte[] body) {
        return new WebhookRequest(headers("Content-Type", "message/rfc822"), Map.of(), body, account());
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        return new WebhookRequest(headers("Content-Type", "message/rfc822"), Map.of(), body, null);
    }

    @Override
    protected String textInFixture() {
        return "my order #4471 was due on Monday and has not arrived.";
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                "<CAMx4471+kP3Gz=QwT9@mail.gmail.com>",
                "maria.garcia@example.com",
                "My order #4471 is late\n\nHello,\n\nmy order #4471 was due on Monday and has not arrived.\n\nMaría",
                Visibility.PRIVATE);
    }

    @Override
    protected String expectedInReplyTo() {
        return "<heard.0a393665505f9dff080ae47616835f9a@heard.example>";
    }

    @Override
    protected void networkTakesReplies() {
        smtpPort = mail.getSmtp().getPort();
    }

    @Override
    protected void networkLimitsReplies() {
        play(() -> ScriptedSmtpServer.answering("MAIL", "450 4.7.1 Error: too much mail from 127.0.0.1"));
    }

    @Override
    protected void networkIsBroken() {
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            smtpPort = closed.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected void networkRefusesReplies() {
        play(() -> ScriptedSmtpServer.answering("RCPT", "550 " + expectedRefusalReason()));
    }

    @Override
    protected void networkAnswersGarbage() {
        play(() -> ScriptedSmtpServer.greeting("HTTP/1.1 400 Bad Request"));
    }

    private interface Start {
        ScriptedSmtpServer start() throws IOException;
    }

    private void play(Start server) {
        try {
            smtp = server.start();
            smtpPort = smtp.port();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected String expectedSentId() {
        return "<heard.0a393665505f9dff080ae47616835f9a@heard.example>";
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        var sent = Arrays.stream(mail.getReceivedMessages())
                .filter(message -> expectedSentId().equals(header(message, "Message-ID")))
                .toList();
        assertThat(sent).hasSize(1);
        var message = sent.getFirst();
        assertThat(header(message, "To")).isEqualTo("maria.garcia@example.com");
        assertThat(header(message, "From")).isEqualTo(MAILBOX);
        assertThat(header(message, "Subject")).isEqualTo("Re: My order #4471 is late");
        assertThat(header(message, "In-Reply-To")).isEqualTo("<CAMx4471+kP3Gz=QwT9@mail.gmail.com>");
        assertThat(header(message, "References")).isEqualTo("<CAMx4471+kP3Gz=QwT9@mail.gmail.com>");
        assertThat(EmailConnectorTests.text(message)).isEqualTo("""
                        Sorry about that, we are on it. Ana

                        On Mon, 23 Nov 2026 at 15:32 UTC, María García wrote:
                        > Hello,
                        >
                        > my order #4471 was due on Monday and has not arrived.
                        >
                        > María""");
    }

    /** SMTP names no wait with a 4xx reply: Heard's own backoff decides. */
    @Override
    protected @Nullable Duration expectedRetryAfter() {
        return null;
    }

    @Override
    protected String expectedRefusalReason() {
        return "5.1.1 <maria.garcia@example.com>: Recipient address rejected: User unknown in virtual mailbox table";
    }

    static @Nullable String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    // Email is not HTTP: the network hooks above play SMTP, and nothing asks for these.

    @Override
    protected MappingBuilder sendRequest() {
        throw new UnsupportedOperationException("Email replies go over SMTP");
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        throw new UnsupportedOperationException("Email replies go over SMTP");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        throw new UnsupportedOperationException("Email replies go over SMTP");
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        throw new UnsupportedOperationException("Email replies go over SMTP");
    }
}
