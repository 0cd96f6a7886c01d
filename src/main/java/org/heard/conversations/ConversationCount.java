package org.heard.conversations;

import java.util.Map;

/**
 * How many conversations a {@link ConversationCriteria} matches.
 *
 * @param customers how many different people they are with
 * @param byChannel how many on each channel, by channel name
 */
public record ConversationCount(long conversations, long customers, Map<String, Long> byChannel) {

    public ConversationCount {
        byChannel = Map.copyOf(byChannel);
    }
}
