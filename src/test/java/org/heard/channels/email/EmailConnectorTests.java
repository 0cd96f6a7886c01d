package org.heard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heard.channels.email.EmailConnectorContractTests.MAILBOX;
import static org.heard.channels.email.EmailConnectorContractTests.PASSWORD;
import static org.heard.channels.email.EmailConnectorContractTests.header;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Properties;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the contract does not ask of every network: reading real mail, threads, quotes and the mailbox's UIDs. */
class EmailConnectorTests {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, PASSWORD));

    private final EmailConnector connector = new EmailConnector(EmailConnectorContractTests.settings());

    private ChannelAccount account() {
        return EmailConnectorContractTests.account(
                mail.getImap().getPort(), mail.getSmtp().getPort());
    }

    @Test
    void readsAnHtmlOnlyMailAsSafeTextWithoutItsQuotedHistory() throws SendFailed {
        var message = received("html-only.eml");

        assertThat(message.author().displayName()).isEqualTo("Tom Baker");
        assertThat(message.text())
                .isEqualTo("Where is my refund?\n\nHi,\n\nI returned the blue jacket on 2 November.\n"
                        + "Where is my refund & the label?");
        assertThat(message.text())
                .doesNotContain("alert", "stolen", "color", "steal", "onclick", "pixel", "<", "We have received");
    }

    @Test
    void keepsTheThreadAndLeavesOutTheQuotedHistoryAndTheRepeatedSubject() throws SendFailed {
        var message = received("reply.eml");

        assertThat(message.inReplyTo()).isEqualTo("<heard.0a393665505f9dff080ae47616835f9a@heard.example>");
        assertThat(message.externalId()).isEqualTo("<CAMx4471+r2Lw8v@mail.gmail.com>");
        assertThat(message.text()).isEqualTo("Still nothing, it has been a week.");
        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void anAnswerWithoutInReplyToIsThreadedByTheLastOfItsReferences() {
        var raw = fixture("reply.eml").replaceFirst("In-Reply-To: .*\n", "");
        var message = connector.normalise(new InboundDelivery(MAILBOX, "<x@example.com>", raw));

        assertThat(message.inReplyTo()).isEqualTo("<heard.0a393665505f9dff080ae47616835f9a@heard.example>");
    }

    @Test
    void notesWhatWasAttachedAndCutsTheSignature() throws SendFailed {
        var message = received("with-attachment.eml");

        assertThat(message.author().displayName()).isEqualTo("Lee, Sam");
        assertThat(message.text())
                .isEqualTo("Broken zip on my bag\n\nThe zip broke after two days, photo and receipt attached.\n\n"
                        + "[Attached, not kept: Heard cannot store files yet. receipt-4471.pdf (application/pdf, 94 bytes);"
                        + " zip boîte.jpg (image/jpeg, 91 bytes)]");
    }

    @Test
    void sendsTheReplyInTheThreadQuotingTheCustomersLastMessage() throws Exception {
        var answered = received("reply.eml");
        var reply = reply(answered, "reply-key-1");

        var id = connector.send(reply, account());

        var sent = sentWith(id);
        assertThat(header(sent, "Subject")).isEqualTo("Re: My order #4471 is late");
        assertThat(header(sent, "In-Reply-To")).isEqualTo("<CAMx4471+r2Lw8v@mail.gmail.com>");
        assertThat(header(sent, "References").split("\\s+"))
                .containsExactly(
                        "<CAMx4471+kP3Gz=QwT9@mail.gmail.com>",
                        "<heard.0a393665505f9dff080ae47616835f9a@heard.example>",
                        "<CAMx4471+r2Lw8v@mail.gmail.com>");
        assertThat(text(sent))
                .isEqualTo("We have sent a new one today.\n\n"
                        + "On Mon, 30 Nov 2026 at 08:14 UTC, María García wrote:\n"
                        + "> Still nothing, it has been a week.");
    }

    @Test
    void aReplySentAgainAfterACrashIsTheSameMessage() throws Exception {
        var answered = received("message.eml");

        var first = connector.send(reply(answered, "outbox-42"), account());
        var again = connector.send(reply(answered, "outbox-42"), account());
        var other = connector.send(reply(answered, "outbox-43"), account());

        assertThat(again).isEqualTo(first).startsWith("<heard.").endsWith("@heard.example>");
        assertThat(other).isNotEqualTo(first);
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> first.equals(header(m, "Message-ID"))))
                .hasSize(2);
    }

    @Test
    void triesAgainWhenTheServerIsBusyAndShowsAFinalRefusal() throws Exception {
        var reply = reply(received("message.eml"), "k");
        try (var busy = ScriptedSmtpServer.greeting("421 4.3.2 Service shutting down, closing transmission channel")) {
            var failure = sendFailure(reply, busy.port());
            assertThat(failure.retryable()).isTrue();
        }
        try (var tooBig = ScriptedSmtpServer.answering("DATA", "552 5.3.4 Message size exceeds fixed limit")) {
            var failure = sendFailure(reply, tooBig.port());
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("552 5.3.4 Message size exceeds fixed limit");
        }
    }

    @Test
    void theFirstPollMarksWhereTheMailboxStandsAndTheNextReadsOnlyWhatCameAfter() throws SendFailed {
        deliver(mail, fixture("html-only.eml").getBytes(StandardCharsets.UTF_8));
        var first = connector.poll(account(), null);
        deliver(mail, fixture("message.eml").getBytes(StandardCharsets.UTF_8));

        var second = connector.poll(account(), first.cursor());
        var third = connector.poll(account(), second.cursor());

        assertThat(first.deliveries()).isEmpty();
        assertThat(second.deliveries())
                .extracting(InboundDelivery::externalId)
                .containsExactly("<CAMx4471+kP3Gz=QwT9@mail.gmail.com>");
        assertThat(second.next()).isEqualTo(Duration.ofSeconds(30));
        assertThat(third.deliveries()).isEmpty();
        assertThat(third.cursor()).isEqualTo(second.cursor());
    }

    @Test
    void readsAFullMailboxInBatches() throws SendFailed {
        var small = new EmailConnector(
                new EmailSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 2, Duration.ofDays(7)));
        var start = small.poll(account(), null).cursor();
        for (var name : new String[] {"message.eml", "reply.eml", "html-only.eml"}) {
            deliver(mail, fixture(name).getBytes(StandardCharsets.UTF_8));
        }

        var first = small.poll(account(), start);
        var second = small.poll(account(), first.cursor());

        assertThat(first.deliveries()).hasSize(2);
        assertThat(first.next()).isEqualTo(Duration.ZERO);
        assertThat(second.deliveries())
                .extracting(InboundDelivery::externalId)
                .containsExactly("<5e1f0c2a-html@mail.example.com>");
    }

    @Test
    void readsTheMailboxAgainWhenItsUidValidityChanged() throws SendFailed {
        var start = MailCursor.parse(connector.poll(account(), null).cursor());
        deliver(mail, fixture("message.eml").getBytes(StandardCharsets.UTF_8));
        var renumbered = new MailCursor(start.validity() + 1, 999_999).toString();

        var poll = connector.poll(account(), renumbered);

        assertThat(poll.deliveries())
                .extracting(InboundDelivery::externalId)
                .containsExactly("<CAMx4471+kP3Gz=QwT9@mail.gmail.com>");
        assertThat(MailCursor.parse(poll.cursor()).validity()).isEqualTo(start.validity());
    }

    @Test
    void neverMarksOrDeletesAnythingInTheMailbox() throws Exception {
        var start = connector.poll(account(), null).cursor();
        deliver(mail, fixture("message.eml").getBytes(StandardCharsets.UTF_8));
        connector.poll(account(), start);

        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), MAILBOX, PASSWORD);
        try (store) {
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            var flags = inbox.getMessage(1).getFlags();
            assertThat(flags.contains(Flags.Flag.SEEN)).isFalse();
            assertThat(flags.contains(Flags.Flag.DELETED)).isFalse();
            inbox.close(false);
        }
    }

    @Test
    void leavesOutHeardsOwnRepliesFiledInTheInbox() throws SendFailed {
        var start = connector.poll(account(), null).cursor();
        deliver(
                mail,
                fixture("message.eml")
                        .replace(
                                "From: =?UTF-8?Q?Mar=C3=ADa_Garc=C3=ADa?= <maria.garcia@example.com>",
                                "From: " + MAILBOX)
                        .getBytes(StandardCharsets.UTF_8));

        var poll = connector.poll(account(), start);

        assertThat(poll.deliveries()).isEmpty();
        assertThat(poll.cursor()).isNotEqualTo(start);
    }

    @Test
    void aMailNoOneCanAnswerIsRecordedButRefusedWhenRead() throws SendFailed {
        var start = connector.poll(account(), null).cursor();
        deliver(mail, fixture("no-sender.eml").getBytes(StandardCharsets.UTF_8));
        deliver(mail, fixture("message.eml").getBytes(StandardCharsets.UTF_8));

        var poll = connector.poll(account(), start);

        assertThat(poll.deliveries()).hasSize(2);
        assertThatThrownBy(() -> connector.normalise(poll.deliveries().getFirst()))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("no From address");
        assertThat(connector.normalise(poll.deliveries().getLast()).author().externalId())
                .isEqualTo("maria.garcia@example.com");
    }

    @Test
    void aMailWithABrokenMimeStructureStillReachesAnAgent() {
        var message = connector.normalise(
                new InboundDelivery(MAILBOX, "<broken-mime-1@mail.example.org>", fixture("broken-mime.eml")));

        assertThat(message.author().externalId()).isEqualTo("ines@example.org");
        assertThat(message.text()).startsWith("Order question\n\n(Heard could not read this mail's body");
    }

    @Test
    void keepsMailWithEightBitBytesInBase64AndReadsItBack() {
        var raw = "From: Zoë <zoe@example.org>\r\nMessage-ID: <8bit@example.org>\r\nSubject: Grüße\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nDanke schön!\r\n";
        var payload = RawMail.payload(raw.getBytes(StandardCharsets.UTF_8));

        var message = connector.normalise(new InboundDelivery(MAILBOX, "<8bit@example.org>", payload));

        assertThat(payload).startsWith(RawMail.BASE64);
        assertThat(message.text()).isEqualTo("Grüße\n\nDanke schön!");
        assertThat(RawMail.payload("From: a@b.c\r\n\r\nhi".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("From: a@b.c\r\n\r\nhi");
    }

    @Test
    void connectsWithTheMailboxsLoginAndNamesTheAccountByItsAddress() {
        var connected = connector.connect(
                new AccountSetup(account().credentials(), "https://heard.example/hooks/email/k", "t"));

        assertThat(connected.externalId()).isEqualTo(MAILBOX);
        assertThat(connected.name()).isEqualTo(MAILBOX);
    }

    @Test
    void refusesToConnectWithAWrongPasswordAndNeverRepeatsIt() {
        var credentials = new HashMap<>(account().credentials().asMap());
        credentials.put(Mailbox.PASSWORD, "wrong-password-5678");

        assertThatThrownBy(() -> connector.connect(
                        new AccountSetup(Credentials.of(credentials), "https://heard.example/hooks/email/k", "t")))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("did not accept the login")
                .hasMessageNotContaining("wrong-password-5678");
    }

    private static void deliver(GreenMailExtension server, byte[] raw) {
        EmailConnectorContractTests.deliver(server, raw);
    }

    private InboundMessage received(String fixture) throws SendFailed {
        var start = connector.poll(account(), null).cursor();
        deliver(mail, fixture(fixture).getBytes(StandardCharsets.UTF_8));
        var poll = connector.poll(account(), start);
        assertThat(poll.deliveries()).hasSize(1);
        return connector.normalise(poll.deliveries().getFirst());
    }

    private static OutboundMessage reply(InboundMessage to, String key) {
        return new OutboundMessage(
                "email",
                MAILBOX,
                key,
                1,
                "We have sent a new one today.",
                Visibility.PRIVATE,
                to.externalId(),
                to.author().externalId());
    }

    private SendFailed sendFailure(OutboundMessage reply, int smtpPort) {
        var account = EmailConnectorContractTests.account(mail.getImap().getPort(), smtpPort);
        try {
            connector.send(reply, account);
        } catch (SendFailed failed) {
            return failed;
        }
        throw new AssertionError("The reply was sent");
    }

    private static MimeMessage sentWith(String id) {
        var sent = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> id.equals(header(m, "Message-ID")))
                .toList();
        assertThat(sent).hasSize(1);
        return sent.getFirst();
    }

    static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).replace("\r\n", "\n").stripTrailing();
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    static String fixture(String name) {
        try (var in = EmailConnectorTests.class.getResourceAsStream("/fixtures/email/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
