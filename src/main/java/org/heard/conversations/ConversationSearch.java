package org.heard.conversations;

import java.util.Collection;
import java.util.List;

/** Finds conversations by what they are (tag, status, channel, queue, visibility), to act on many at once. */
public interface ConversationSearch {

    /** How many conversations match, how many people they are with, and how many on each channel. */
    ConversationCount count(ConversationCriteria criteria);

    /**
     * The matching conversations with an id above {@code afterId}, in id order, at most {@code limit}: page through
     * all of them by passing the last id seen.
     */
    List<ConversationSummary> find(ConversationCriteria criteria, long afterId, int limit);

    /** The conversations with these ids that exist, in id order. */
    List<ConversationSummary> summaries(Collection<Long> ids);
}
