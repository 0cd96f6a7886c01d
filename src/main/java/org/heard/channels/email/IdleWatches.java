package org.heard.channels.email;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.heard.channels.ChannelAccount;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an IMAP IDLE connection (RFC 2177) on each polled mailbox's INBOX, only to learn that mail
 * arrived (an {@code EXISTS} that raises the message count). IDLE never delivers a mail to Heard: the
 * next poll reads it, so a connection that drops loses nothing and the poll's cursor stays the one truth.
 *
 * <p>A watch is opened lazily by a poll, on a virtual thread that logs in, checks that the server names
 * IDLE in its CAPABILITY and idles until the connection ends; a server without IDLE is polled as
 * before. A poll renews the IDLE before the server's 29-minute limit; a watch that ended is opened
 * again by a later poll, at most once per poll interval; a watch whose mailbox was not polled for a
 * while is closed.
 */
final class IdleWatches implements AutoCloseable {

    /** RFC 2177: a server may log out a client idle for 30 minutes; renew well before. */
    static final Duration RENEW_AFTER = Duration.ofMinutes(25);

    private static final Logger log = LoggerFactory.getLogger(IdleWatches.class);

    private final EmailSettings settings;
    private final Clock clock;
    private final Duration renewAfter;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    IdleWatches(EmailSettings settings, Clock clock, Duration renewAfter) {
        this.settings = settings;
        this.clock = clock;
        this.renewAfter = renewAfter;
    }

    /** The mailbox's watch, opened now if it has none or its last one ended a poll interval ago. */
    Watch watch(ChannelAccount account, Mailbox box) {
        var now = clock.instant();
        closeUnpolled(now);
        var watch = watches.compute(key(account, box), (key, known) -> {
            if (known != null
                    && (known.live()
                            || known.unsupported
                            || known.openedAt.plus(settings.pollInterval()).isAfter(now))) {
                return known;
            }
            if (known != null) {
                known.close();
            }
            return open(account.externalId(), box, now);
        });
        watch.lastPolled = now;
        watch.renewIfDue(now, renewAfter);
        return watch;
    }

    /** The mailbox's watch if it has one. */
    @Nullable
    Watch find(ChannelAccount account, Mailbox box) {
        return watches.get(key(account, box));
    }

    private Watch open(String account, Mailbox box, Instant now) {
        var watch = new Watch(account, clock, now);
        var properties = box.imapSession(settings.timeout()).getProperties();
        // An idle connection is quiet for as long as nothing arrives: its reads wait past a renewal.
        properties.put(
                "mail." + box.imapProtocol() + ".timeout",
                String.valueOf(renewAfter.plus(settings.timeout()).toMillis()));
        watch.thread = Thread.ofVirtual()
                .name("email-idle-" + account)
                .start(() -> watch.run(box, jakarta.mail.Session.getInstance(properties)));
        return watch;
    }

    /** A mailbox that Heard stopped polling (its account was removed or paused) needs no connection. */
    private void closeUnpolled(Instant now) {
        var quiet = settings.pollInterval().multipliedBy(3).plus(settings.timeout());
        watches.entrySet().removeIf(entry -> {
            var watch = entry.getValue();
            if (watch.lastPolled.plus(quiet).isBefore(now)) {
                watch.close();
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() {
        var all = watches.values().stream().toList();
        watches.clear();
        all.forEach(Watch::close);
        for (var watch : all) {
            try {
                var thread = watch.thread;
                if (thread != null) {
                    thread.join(settings.timeout());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One mailbox's IDLE connection: whether it is idling and whether mail arrived since the last read. */
    static final class Watch {

        private final String account;
        private final Clock clock;
        private final Instant openedAt;
        private final AtomicBoolean arrived = new AtomicBoolean();
        private final AtomicBoolean renewing = new AtomicBoolean();
        private volatile Instant lastPolled;
        private volatile @Nullable Instant lastRead;
        private volatile @Nullable Instant idlingSince;
        private volatile boolean unsupported;
        private volatile boolean closed;
        private volatile @Nullable IMAPStore store;
        private volatile @Nullable IMAPFolder inbox;
        private volatile @Nullable Thread thread;

        private Watch(String account, Clock clock, Instant openedAt) {
            this.account = account;
            this.clock = clock;
            this.openedAt = openedAt;
            this.lastPolled = openedAt;
        }

        private void run(Mailbox box, jakarta.mail.Session session) {
            try (var connected = (IMAPStore) session.getStore(box.imapProtocol())) {
                connected.connect(box.imapHost(), box.imapPort(), box.username(), box.password());
                store = connected;
                if (!connected.hasCapability("IDLE")) {
                    unsupported = true;
                    log.info("Mailbox {}'s server does not offer IMAP IDLE; Heard polls it", account);
                    return;
                }
                var folder = (IMAPFolder) connected.getFolder("INBOX");
                folder.open(Folder.READ_ONLY);
                inbox = folder;
                int seen = folder.getMessageCount();
                while (!closed && folder.isOpen()) {
                    idlingSince = clock.instant();
                    folder.idle(true);
                    int count = folder.getMessageCount();
                    if (count > seen) {
                        arrived.set(true);
                    }
                    seen = count;
                }
            } catch (MessagingException | RuntimeException e) {
                if (!closed) {
                    log.info("IMAP IDLE on mailbox {} ended: {}", account, ImapInbox.reason(e));
                }
            } finally {
                idlingSince = null;
            }
        }

        /** Connected and idling on the INBOX. */
        boolean live() {
            return idlingSince != null && !closed;
        }

        /** When the current IDLE began, or null while not idling. */
        @Nullable
        Instant idlingSince() {
            return closed ? null : idlingSince;
        }

        /** The server does not offer IDLE. */
        boolean unsupported() {
            return unsupported;
        }

        /** The connection is logged out, or was never made. */
        boolean ended() {
            var current = thread;
            return current == null || !current.isAlive();
        }

        /** Whether mail arrived since the last call; the flag is cleared before the poll reads. */
        boolean takeArrived() {
            return arrived.getAndSet(false);
        }

        /** Whether mail arrived since the last read, without clearing it. */
        boolean arrived() {
            return arrived.get();
        }

        @Nullable
        Instant lastRead() {
            return lastRead;
        }

        void read(Instant at) {
            lastRead = at;
        }

        /**
         * Ends the current IDLE with a NOOP so that the idling thread starts a new one. The NOOP runs on
         * its own virtual thread: on a dead connection it waits for the idle read to time out, and a
         * poll must not.
         */
        private void renewIfDue(Instant now, Duration renewAfter) {
            var since = idlingSince;
            var folder = inbox;
            if (since == null || folder == null || since.plus(renewAfter).isAfter(now)) {
                return;
            }
            if (renewing.compareAndSet(false, true)) {
                Thread.ofVirtual().name("email-idle-renew-" + account).start(() -> {
                    try {
                        folder.doCommand(protocol -> {
                            protocol.noop();
                            return null;
                        });
                    } catch (MessagingException | RuntimeException e) {
                        // The idling thread sees the connection end and a later poll opens a new one.
                    } finally {
                        renewing.set(false);
                    }
                });
            }
        }

        /** Logs out on a virtual thread: closing a folder first waits for its IDLE to end. */
        void close() {
            closed = true;
            var folder = inbox;
            var connected = store;
            Thread.ofVirtual().name("email-idle-close-" + account).start(() -> {
                try {
                    if (folder != null && folder.isOpen()) {
                        folder.close(false);
                    }
                    if (connected != null) {
                        connected.close();
                    }
                } catch (MessagingException | RuntimeException e) {
                    // Logged out or gone already.
                }
            });
        }
    }

    /** One watch per account and login: new credentials (a reconnected mailbox) open a new watch. */
    private static String key(ChannelAccount account, Mailbox box) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((box.imapHost() + "\n" + box.imapPort() + "\n" + box.tls() + "\n" + box.username() + "\n"
                                    + box.password())
                            .getBytes(StandardCharsets.UTF_8));
            return account.id() + "\n" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
