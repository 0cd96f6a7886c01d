package org.heard.channels.email;

import jakarta.annotation.PreDestroy;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Email: Heard polls a mailbox's INBOX over IMAP and answers over SMTP, in the customer's thread.
 * Every mail is a private conversation. Email has no webhooks, so every webhook is refused. Where the
 * server offers IMAP IDLE, an idle connection tells a poll when to read ({@link IdleWatches}).
 *
 * <p>IMAP: RFC 9051; message format: RFC 5322; MIME: RFC 2045–2049; submission: RFC 6409 and RFC 5321.
 */
@Component
class EmailConnector implements ChannelConnector {

    static final String CHANNEL = "email";
    /**
     * Mail has no length limit that matters to a reply; this keeps an agent's reply readable. A reply goes in
     * the customer's thread, answering their latest mail.
     */
    private static final ComposerRules RULES = new ComposerRules(20_000, true).withPrivateThreading();

    private final EmailSettings settings;
    private final ImapInbox inbox;
    private final SmtpSubmission submission;
    private final Clock clock;
    private final @Nullable IdleWatches watches;

    @Autowired
    EmailConnector(
            @Value("${heard.channels.email.poll-interval:30s}") Duration pollInterval,
            @Value("${heard.channels.email.timeout:20s}") Duration timeout,
            @Value("${heard.channels.email.batch:50}") int batch,
            @Value("${heard.channels.email.resync-window:7d}") Duration resyncWindow,
            @Value("${heard.channels.email.idle:true}") boolean idle,
            @Value("${heard.channels.email.idle-check-every:2s}") Duration idleCheckEvery) {
        this(new EmailSettings(pollInterval, timeout, batch, resyncWindow, idle ? idleCheckEvery : null));
    }

    EmailConnector(EmailSettings settings) {
        this(settings, IdleWatches.RENEW_AFTER);
    }

    /** @param renewIdleAfter how long one IMAP IDLE lasts before a poll renews it */
    EmailConnector(EmailSettings settings, Duration renewIdleAfter) {
        this.settings = settings;
        this.inbox = new ImapInbox(settings);
        this.submission = new SmtpSubmission(settings);
        this.clock = Clock.systemUTC();
        this.watches = settings.idle() ? new IdleWatches(settings, clock, renewIdleAfter) : null;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Email";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return Mailbox.fields();
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var box = Mailbox.of(setup.credentials());
        inbox.check(box);
        try {
            submission.check(box);
        } catch (AuthenticationFailedException e) {
            throw new ConnectionFailed("The SMTP server did not accept the login: " + e.getMessage());
        } catch (MessagingException e) {
            throw new ConnectionFailed("Heard could not reach the SMTP server: " + ImapInbox.reason(e));
        }
        return new ConnectedAccount(box.addressText(), box.addressText());
    }

    @Override
    public void verify(WebhookRequest request) {
        throw new WebhookRejected("Email has no webhooks: Heard reads the mailbox over IMAP.");
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        throw new WebhookRejected("Email has no webhooks: Heard reads the mailbox over IMAP.");
    }

    @Override
    public boolean polls() {
        return true;
    }

    /**
     * What arrived in the mailbox since {@code cursor}.
     *
     * <p>With IDLE on, the poll also keeps the mailbox's IDLE connection open ({@link IdleWatches}) and
     * asks to be called again every {@code idle-check-every} while it is live; such a call reads the
     * mailbox only when the server reported new mail or the poll interval has passed, and otherwise
     * answers at once with nothing new. When IDLE is down or not offered, polling goes on at its interval.
     */
    @Override
    public Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        var box = Mailbox.of(account.credentials());
        var watch = watches == null ? null : watches.watch(account, box);
        var now = clock.instant();
        var checkEvery = settings.idleCheckEvery();
        if (watch != null && checkEvery != null && cursor != null && watch.live() && !watch.takeArrived()) {
            var last = watch.lastRead();
            if (last != null && last.plus(settings.pollInterval()).isAfter(now)) {
                return new Poll(List.of(), cursor, checkEvery);
            }
        }
        if (watch != null) {
            watch.read(now);
        }
        var poll = inbox.poll(account.externalId(), box, MailCursor.parse(cursor));
        if (watch != null && checkEvery != null && watch.live() && poll.next().compareTo(checkEvery) > 0) {
            return new Poll(poll.deliveries(), poll.cursor(), checkEvery);
        }
        return poll;
    }

    /** The mailbox's IMAP IDLE connection, if a poll opened one. */
    IdleWatches.@Nullable Watch idle(ChannelAccount account) {
        return watches == null ? null : watches.find(account, Mailbox.of(account.credentials()));
    }

    @PreDestroy
    void close() {
        if (watches != null) {
            watches.close();
        }
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var mail = ReceivedMail.parse(RawMail.bytes(delivery.payload()));
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                delivery.externalId(),
                mail.author(),
                text(mail),
                Visibility.PRIVATE,
                mail.inReplyTo(),
                mail.sentAt());
    }

    /** The subject as the first line of a new conversation, the words, and a note of what was attached. */
    static String text(ReceivedMail mail) {
        var text = new StringBuilder();
        if (mail.subject() != null && !mail.isReply()) {
            text.append(mail.subject()).append("\n\n");
        }
        text.append(mail.text());
        if (!mail.attachments().isEmpty()) {
            text.append("\n\n[Attached, not kept: Heard cannot store files yet. ")
                    .append(mail.attachments().stream().map(Object::toString).collect(Collectors.joining("; ")))
                    .append("]");
        }
        return text.toString().strip();
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("An email reply needs the mailbox it is sent from.");
        }
        Mailbox box;
        try {
            box = Mailbox.of(account.credentials());
        } catch (ConnectionFailed e) {
            throw SendFailed.refused(e.getMessage());
        }
        var answered = message.inReplyTo() == null
                ? null
                : inbox.find(box, message.inReplyTo()).orElse(null);
        var mail = ReplyMail.of(box.smtpSession(settings.timeout()), box, message, answered);
        submission.submit(box, mail);
        return ReplyMail.messageId(message.idempotencyKey(), box);
    }

    /** Sending again is harmless: a resent reply carries the same Message-ID, which mail clients show once. */
    @Override
    public boolean sendsOnce() {
        return true;
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }
}
