package org.heard.channels;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of a network found.
 *
 * @param deliveries new events, recorded in the inbound event log exactly like webhook deliveries
 * @param cursor where the next poll starts (a {@code since_id}, a cursor, an IMAP UID); kept with the
 *     deliveries in one transaction, so a crash repeats a poll and never skips one
 * @param next how long to wait before polling again, within the network's rate limits
 */
public record Poll(
        List<InboundDelivery> deliveries, @Nullable String cursor, Duration next) {

    public Poll {
        deliveries = List.copyOf(deliveries);
        if (next == null || next.isNegative()) {
            throw new IllegalArgumentException("A poll says when to poll again");
        }
    }
}
