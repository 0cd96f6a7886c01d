package org.heard.channels;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer's message in Heard's own terms, whatever network it came from.
 *
 * @param inReplyTo the network's id of the message this one answers, if any
 */
public record InboundMessage(
        String channel,
        String account,
        String externalId,
        Author author,
        String text,
        Visibility visibility,
        @Nullable String inReplyTo,
        Instant sentAt) {

    public InboundMessage {
        if (channel == null || account == null || externalId == null || author == null || visibility == null) {
            throw new IllegalArgumentException("An inbound message needs channel, account, id, author and visibility");
        }
        // PostgreSQL text cannot hold NUL; a network that sends one must not stop the message.
        text = text == null ? "" : text.replace("\u0000", "");
        // An id longer than any Heard stores cannot name a message Heard knows.
        inReplyTo = inReplyTo == null || inReplyTo.length() > 200 ? null : inReplyTo;
        sentAt = sentAt == null ? Instant.now() : sentAt;
    }
}
