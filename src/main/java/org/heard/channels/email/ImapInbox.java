package org.heard.channels.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.MessageIDTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.InboundDelivery;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a mailbox's INBOX over IMAP (RFC 9051), read-only: Heard never marks, moves or deletes a
 * customer's mail, so the mailbox stays as useful to people who read it in their own client.
 */
final class ImapInbox {

    private static final Logger log = LoggerFactory.getLogger(ImapInbox.class);

    private final EmailSettings settings;

    ImapInbox(EmailSettings settings) {
        this.settings = settings;
    }

    /** Logs in and opens the INBOX; throws {@link ConnectionFailed} with the server's reason. */
    void check(Mailbox box) {
        try (var store = open(box)) {
            var inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                throw new ConnectionFailed("The mailbox has no INBOX.");
            }
        } catch (AuthenticationFailedException e) {
            throw new ConnectionFailed("The IMAP server did not accept the login: " + e.getMessage());
        } catch (MessagingException e) {
            throw new ConnectionFailed("Heard could not reach the IMAP server: " + reason(e));
        }
    }

    /**
     * What arrived since {@code cursor}. The first poll only marks where the mailbox stands: Heard
     * answers mail that arrives once it is connected, not the mailbox's whole past.
     */
    Poll poll(String account, Mailbox box, @Nullable MailCursor cursor) throws SendFailed {
        try (var store = open(box)) {
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return poll(account, box, (UIDFolder) inbox, inbox, cursor);
            } finally {
                inbox.close(false);
            }
        } catch (AuthenticationFailedException e) {
            throw SendFailed.refused("The IMAP server did not accept the login: " + e.getMessage());
        } catch (MessagingException | IOException e) {
            log.warn("Polling mailbox {} failed: {}", account, reason(e));
            throw SendFailed.later("Heard could not read the mailbox; it tries again.", null);
        }
    }

    private Poll poll(String account, Mailbox box, UIDFolder uids, Folder inbox, @Nullable MailCursor cursor)
            throws MessagingException, IOException {
        long validity = uids.getUIDValidity();
        if (cursor == null) {
            return new Poll(
                    List.of(), new MailCursor(validity, lastUid(uids, inbox)).toString(), settings.pollInterval());
        }
        long after;
        Message[] candidates;
        if (cursor.validity() == validity) {
            after = cursor.lastUid();
            candidates = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
        } else {
            log.info(
                    "Mailbox {} was numbered anew (UIDVALIDITY {} is now {}); reading the last {} again",
                    account,
                    cursor.validity(),
                    validity,
                    settings.resyncWindow());
            after = 0;
            var since = Date.from(Instant.now().minus(settings.resyncWindow()));
            candidates = inbox.search(new ReceivedDateTerm(ComparisonTerm.GE, since));
        }
        var profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        inbox.fetch(candidates, profile);
        // "UID FETCH n:*" names the last message even when its UID is below n (RFC 9051 §6.4.8).
        var fresh = new ArrayList<Message>();
        for (var message : candidates) {
            if (uids.getUID(message) > after) {
                fresh.add(message);
            }
        }
        fresh.sort(Comparator.comparingLong(message -> uid(uids, message)));
        var batch = fresh.subList(0, Math.min(fresh.size(), settings.batch()));
        var deliveries = new ArrayList<InboundDelivery>();
        long last = batch.isEmpty() && after == 0 ? lastUid(uids, inbox) : after;
        for (var message : batch) {
            last = uids.getUID(message);
            if (concernsHeard(box, message)) {
                deliveries.add(delivery(account, message));
            }
        }
        var next = fresh.size() > batch.size() ? Duration.ZERO : settings.pollInterval();
        return new Poll(deliveries, new MailCursor(validity, last).toString(), next);
    }

    /**
     * Leaves out what no agent should answer: automatic replies and bounces (RFC 3834
     * {@code Auto-Submitted}, RFC 3464 delivery status reports), and Heard's own replies when the
     * server also files them in the INBOX.
     */
    private static boolean concernsHeard(Mailbox box, Message message) throws MessagingException {
        var autoSubmitted = message.getHeader("Auto-Submitted");
        if (autoSubmitted != null
                && !autoSubmitted[0].strip().toLowerCase(java.util.Locale.ROOT).startsWith("no")) {
            log.info("Left out an automatic mail ({}): Auto-Submitted {}", messageId(message), autoSubmitted[0]);
            return false;
        }
        if (message.isMimeType("multipart/report")) {
            log.info("Left out a delivery report ({})", messageId(message));
            return false;
        }
        var from = message.getFrom();
        if (from != null
                && from.length > 0
                && from[0] instanceof InternetAddress sender
                && box.address().getAddress().equalsIgnoreCase(sender.getAddress())) {
            return false;
        }
        return true;
    }

    private static InboundDelivery delivery(String account, Message message) throws MessagingException, IOException {
        var raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        var bytes = raw.toByteArray();
        return new InboundDelivery(account, eventId(messageId(message), bytes), RawMail.payload(bytes));
    }

    /** The mail's Message-ID, or a digest of the mail itself where it has none or one too long to keep. */
    static String eventId(@Nullable String messageId, byte[] raw) {
        if (messageId != null && !messageId.isBlank() && messageId.strip().length() <= 200) {
            return messageId.strip();
        }
        return "sha256:" + HexFormat.of().formatHex(sha256(raw));
    }

    /** The mail with this Message-ID, read from the INBOX; empty if it is gone or cannot be read now. */
    Optional<ReceivedMail> find(Mailbox box, String messageId) {
        try (var store = open(box)) {
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                var found = inbox.search(new MessageIDTerm(messageId));
                if (found.length == 0) {
                    return Optional.empty();
                }
                var raw = new ByteArrayOutputStream();
                found[found.length - 1].writeTo(raw);
                return Optional.of(ReceivedMail.parse(raw.toByteArray()));
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Could not read the mail answered, {}, to quote it: {}", messageId, reason(e));
            return Optional.empty();
        }
    }

    private Store open(Mailbox box) throws MessagingException {
        var store = box.imapSession(settings.timeout()).getStore(box.imapProtocol());
        store.connect(box.imapHost(), box.imapPort(), box.username(), box.password());
        return store;
    }

    private static long lastUid(UIDFolder uids, Folder inbox) throws MessagingException {
        long next = uids.getUIDNext();
        if (next > 0) {
            return next - 1;
        }
        int count = inbox.getMessageCount();
        return count == 0 ? 0 : uids.getUID(inbox.getMessage(count));
    }

    private static long uid(UIDFolder uids, Message message) {
        try {
            return uids.getUID(message);
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }

    private static @Nullable String messageId(Message message) throws MessagingException {
        var ids = ReceivedMail.ids(message.getHeader("Message-ID") == null ? null : message.getHeader("Message-ID")[0]);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** What went wrong in a few words, without the host or login the exception may name. */
    static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case java.net.UnknownHostException unknown -> {
                    return "the server's name is unknown";
                }
                case java.net.ConnectException refused -> {
                    return "the connection was refused";
                }
                case java.net.SocketTimeoutException timeout -> {
                    return "the server did not answer in time";
                }
                case javax.net.ssl.SSLException tls -> {
                    return "TLS failed (check the certificate, port and TLS setting)";
                }
                default -> {}
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "the connection failed";
    }
}
