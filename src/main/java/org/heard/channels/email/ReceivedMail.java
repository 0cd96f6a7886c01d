package org.heard.channels.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.heard.channels.Author;
import org.heard.channels.MalformedWebhook;
import org.jspecify.annotations.Nullable;

/**
 * A customer's mail as Heard reads it (RFC 5322): who sent it, its subject, what they wrote without
 * the history their client quoted, what they attached, and which earlier message it answers.
 *
 * @param messageId the {@code Message-ID} with its angle brackets, or null if the mail has none
 * @param inReplyTo the message this answers: the first id of {@code In-Reply-To}, else the last of
 *     {@code References} (RFC 5322 §3.6.4)
 * @param references the {@code References} chain, oldest first
 */
record ReceivedMail(
        @Nullable String messageId,
        Author author,
        @Nullable String subject,
        String text,
        List<MailBody.Attachment> attachments,
        @Nullable String inReplyTo,
        List<String> references,
        @Nullable Instant sentAt) {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Session PARSING = Session.getInstance(parsing());

    static ReceivedMail parse(byte[] raw) {
        try {
            var mail = new MimeMessage(PARSING, new ByteArrayInputStream(raw));
            var references = ids(mail.getHeader("References", " "));
            var inReplyTo = ids(mail.getHeader("In-Reply-To", " "));
            var body = body(mail);
            var sent = mail.getSentDate();
            return new ReceivedMail(
                    first(ids(mail.getHeader("Message-ID", " "))),
                    author(mail),
                    subject(mail),
                    QuotedHistory.trim(body.text()),
                    body.attachments(),
                    !inReplyTo.isEmpty() ? inReplyTo.getFirst() : references.isEmpty() ? null : references.getLast(),
                    references,
                    sent == null ? null : sent.toInstant());
        } catch (MessagingException e) {
            throw new MalformedWebhook("The mail cannot be read as MIME: " + e.getMessage());
        }
    }

    /** A body whose MIME structure is broken still leaves who wrote and when: the agent sees why the words are missing. */
    private static MailBody body(MimeMessage mail) {
        try {
            return MailBody.of(mail);
        } catch (MessagingException | IOException e) {
            return new MailBody("(Heard could not read this mail's body: " + e.getMessage() + ")", List.of());
        }
    }

    /** Whether the mail answers an earlier one, so its subject repeats what the thread already says. */
    boolean isReply() {
        return inReplyTo != null;
    }

    private static Author author(MimeMessage mail) throws MessagingException {
        var from = mail.getHeader("From", ",");
        if (from == null) {
            throw new MalformedWebhook("The mail has no From address, so no one could be answered.");
        }
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(from, false);
        } catch (AddressException e) {
            throw new MalformedWebhook("The mail's From is not a mail address.");
        }
        if (addresses.length == 0
                || addresses[0].getAddress() == null
                || !addresses[0].getAddress().contains("@")) {
            throw new MalformedWebhook("The mail's From is not a mail address.");
        }
        var address = addresses[0].getAddress().strip();
        return new Author(address.toLowerCase(Locale.ROOT), address, addresses[0].getPersonal(), null, null);
    }

    private static @Nullable String subject(MimeMessage mail) throws MessagingException {
        var subject = mail.getHeader("Subject", " ");
        if (subject == null) {
            return null;
        }
        try {
            subject = MimeUtility.decodeText(MimeUtility.unfold(subject));
        } catch (java.io.UnsupportedEncodingException e) {
            // keep it as written
        }
        return subject.isBlank() ? null : subject.strip();
    }

    static List<String> ids(@Nullable String header) {
        var ids = new ArrayList<String>();
        if (header != null) {
            var matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    private static @Nullable String first(List<String> ids) {
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static Properties parsing() {
        var properties = new Properties();
        properties.put("mail.mime.address.strict", "false");
        properties.put("mail.mime.decodetext.strict", "false");
        // Internationalised headers (RFC 6532) are UTF-8.
        properties.put("mail.mime.allowutf8", "true");
        return properties;
    }
}
