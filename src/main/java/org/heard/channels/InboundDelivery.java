package org.heard.channels;

/**
 * One event inside a webhook as it is kept in the inbound event log: the key that makes a repeated
 * delivery harmless, and the event's own raw text.
 */
public record InboundDelivery(String account, String externalId, String payload) {

    public InboundDelivery {
        if (account == null || account.isBlank() || externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException(
                    "A delivery needs the account it was sent to and the network's event id");
        }
        if (account.length() > 200 || externalId.length() > 200) {
            throw new IllegalArgumentException("An account or event id has at most 200 characters");
        }
        if (payload == null) {
            throw new IllegalArgumentException("A delivery needs its payload");
        }
    }

    /**
     * The id that log lines about this delivery carry, from the webhook that brought it to the replies that answer
     * it: {@code channel:event id}, unique in the inbound event log with the account.
     */
    public String correlationId(String channel) {
        return channel + ":" + externalId;
    }
}
