package org.heard.channels.email;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How Heard reads and sends mail, the same for every mailbox.
 *
 * @param pollInterval how long to wait between two looks at a mailbox that had nothing more to read
 * @param timeout the longest wait for a mail server to connect or answer
 * @param batch the most mails one poll reads; a full batch is followed by another poll at once
 * @param resyncWindow how far back Heard reads again when a mailbox's UIDVALIDITY changed
 * @param idleCheckEvery while a mailbox's IMAP IDLE connection is live, how often a poll looks whether
 *     it reported new mail (reading the mailbox only if so); null for polling only
 */
record EmailSettings(
        Duration pollInterval,
        Duration timeout,
        int batch,
        Duration resyncWindow,
        @Nullable Duration idleCheckEvery) {

    EmailSettings {
        if (pollInterval.isNegative() || timeout.isNegative() || timeout.isZero() || batch < 1) {
            throw new IllegalArgumentException("Email polling needs a positive timeout and batch size");
        }
        if (idleCheckEvery != null && (idleCheckEvery.isNegative() || idleCheckEvery.isZero())) {
            throw new IllegalArgumentException("IMAP IDLE needs a positive check interval");
        }
    }

    /** Polling only, without IMAP IDLE. */
    EmailSettings(Duration pollInterval, Duration timeout, int batch, Duration resyncWindow) {
        this(pollInterval, timeout, batch, resyncWindow, null);
    }

    boolean idle() {
        return idleCheckEvery != null;
    }
}
