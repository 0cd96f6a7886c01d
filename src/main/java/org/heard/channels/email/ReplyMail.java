package org.heard.channels.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.jspecify.annotations.Nullable;

/**
 * An agent's reply as a mail: to the customer, in their thread ({@code In-Reply-To} and
 * {@code References}, RFC 5322 §3.6.4), with "Re:" before their subject and their last message quoted
 * below it. Its Message-ID comes from the reply's idempotency key, so a reply sent again after a crash
 * is the same message and mail clients show it once.
 */
final class ReplyMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "EEE, d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ReplyMail() {}

    /** {@code <heard.<first 32 hex digits of SHA-256(key)>@<the mailbox's domain>>}. */
    static String messageId(String idempotencyKey, Mailbox box) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<heard." + HexFormat.of().formatHex(digest, 0, 16) + "@" + box.domain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    static MimeMessage of(Session session, Mailbox box, OutboundMessage reply, @Nullable ReceivedMail answered)
            throws SendFailed {
        var id = messageId(reply.idempotencyKey(), box);
        try {
            var mail = new IdentifiedMessage(session, id);
            mail.setFrom(box.address());
            mail.setRecipient(Message.RecipientType.TO, recipient(reply));
            mail.setSubject(subject(answered), "UTF-8");
            if (reply.inReplyTo() != null) {
                var thread = new LinkedHashSet<String>();
                if (answered != null) {
                    thread.addAll(answered.references());
                }
                thread.add(reply.inReplyTo());
                mail.setHeader("In-Reply-To", reply.inReplyTo());
                mail.setHeader("References", MimeUtility.fold(12, String.join(" ", thread)));
            }
            mail.setSentDate(new Date());
            mail.setText(body(reply.text(), answered), "UTF-8");
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw SendFailed.refused("Heard could not write the reply as a mail: " + e.getMessage());
        }
    }

    private static InternetAddress recipient(OutboundMessage reply) throws SendFailed {
        try {
            return new InternetAddress(reply.recipient(), true);
        } catch (AddressException | NullPointerException e) {
            throw SendFailed.refused("The customer's address, " + reply.recipient() + ", is not a mail address.");
        }
    }

    static String subject(@Nullable ReceivedMail answered) {
        if (answered == null || answered.subject() == null) {
            return "Re: your message";
        }
        var subject = answered.subject();
        return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    }

    /** The reply, then the customer's words under an attribution line, each line behind "> ". */
    static String body(String text, @Nullable ReceivedMail answered) {
        var body = new StringBuilder(text.strip()).append("\n");
        if (answered == null || answered.text().isBlank()) {
            return body.toString();
        }
        body.append("\nOn ");
        if (answered.sentAt() != null) {
            body.append(WHEN.format(answered.sentAt())).append(", ");
        }
        body.append(answered.author().displayName()).append(" wrote:\n");
        for (var line : answered.text().split("\n", -1)) {
            body.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return body.toString();
    }

    /** A mail whose Message-ID is Heard's own rather than one Jakarta Mail makes up on saving. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
