package org.heard.channels.email;

import java.time.Duration;

/**
 * How Heard reads and sends mail, the same for every mailbox.
 *
 * @param pollInterval how long to wait between two looks at a mailbox that had nothing more to read
 * @param timeout the longest wait for a mail server to connect or answer
 * @param batch the most mails one poll reads; a full batch is followed by another poll at once
 * @param resyncWindow how far back Heard reads again when a mailbox's UIDVALIDITY changed
 */
record EmailSettings(Duration pollInterval, Duration timeout, int batch, Duration resyncWindow) {

    EmailSettings {
        if (pollInterval.isNegative() || timeout.isNegative() || timeout.isZero() || batch < 1) {
            throw new IllegalArgumentException("Email polling needs a positive timeout and batch size");
        }
    }
}
