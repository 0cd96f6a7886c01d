package org.heard.channels.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.heard.channels.SendFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a reply to the mailbox's SMTP server (message submission, RFC 6409). A 4xx reply means the
 * server may take it later; a 5xx reply is final and its text is what the agent needs to read
 * (RFC 5321 §4.2.1). SMTP names no wait, so Heard's own backoff decides when to try again.
 */
final class SmtpSubmission {

    private static final Logger log = LoggerFactory.getLogger(SmtpSubmission.class);

    private final EmailSettings settings;

    SmtpSubmission(EmailSettings settings) {
        this.settings = settings;
    }

    /** Logs in without sending anything, to check an account's settings. */
    void check(Mailbox box) throws MessagingException {
        var session = box.smtpSession(settings.timeout());
        try (var transport = session.getTransport(box.smtpProtocol())) {
            transport.connect(box.smtpHost(), box.smtpPort(), box.username(), box.password());
        }
    }

    void submit(Mailbox box, MimeMessage mail) throws SendFailed {
        var session = box.smtpSession(settings.timeout());
        try (var transport = session.getTransport(box.smtpProtocol())) {
            transport.connect(box.smtpHost(), box.smtpPort(), box.username(), box.password());
            transport.sendMessage(mail, mail.getAllRecipients());
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    static SendFailed failure(MessagingException e) {
        for (Exception cause = e; cause != null; cause = next(cause)) {
            switch (cause) {
                case SMTPAddressSucceededException accepted -> {}
                case SMTPAddressFailedException address -> {
                    return byCode(address.getReturnCode(), address.getMessage());
                }
                case SMTPSendFailedException send -> {
                    return byCode(send.getReturnCode(), send.getMessage());
                }
                case AuthenticationFailedException login -> {
                    return SendFailed.refused("The mail server did not accept Heard's login: "
                            + reply(login.getMessage()) + " Check the account's username and password.");
                }
                default -> {}
            }
        }
        var reason = ImapInbox.reason(e);
        log.warn("Submitting a reply failed: {}", reason);
        return SendFailed.later(
                "Heard could not hand the reply to the mail server (" + reason + "); it tries again.", null);
    }

    private static SendFailed byCode(int code, String reply) {
        if (code >= 500) {
            return SendFailed.refused("The mail server refused the reply: " + reply(reply));
        }
        return SendFailed.later("The mail server asked Heard to try again later: " + reply(reply), null);
    }

    private static String reply(String reply) {
        return reply == null ? "" : reply.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static Exception next(Exception cause) {
        return cause instanceof MessagingException messaging ? messaging.getNextException() : null;
    }
}
