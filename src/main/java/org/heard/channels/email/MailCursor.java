package org.heard.channels.email;

import org.heard.channels.MalformedWebhook;
import org.jspecify.annotations.Nullable;

/**
 * Where the last poll of a mailbox stopped: {@code UIDVALIDITY:lastUID} (RFC 9051 §2.3.1.1). A UID
 * means something only while the mailbox's UIDVALIDITY is the same; when it changes, the server has
 * numbered the mailbox anew and Heard must read it again.
 */
record MailCursor(long validity, long lastUid) {

    static @Nullable MailCursor parse(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        var parts = cursor.strip().split(":");
        try {
            if (parts.length == 2) {
                return new MailCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new MalformedWebhook("A mailbox cursor reads UIDVALIDITY:lastUID, not " + cursor);
    }

    @Override
    public String toString() {
        return validity + ":" + lastUid;
    }
}
