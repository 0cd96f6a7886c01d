package org.heard.conversations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * What triage may decide about a conversation: how much it matters and why, its queue, tags, when a
 * response is due, who takes it, and automated replies. Each method joins the caller's transaction,
 * or runs in its own, and announces the change as a {@link ConversationChanged}.
 */
public interface ConversationTriage {

    /**
     * Sets the priority (higher comes first) with the reason a person reads in the inbox.
     *
     * @throws Refused when the conversation does not exist
     */
    void prioritise(long conversationId, int priority, String reason);

    /** Puts the conversation in a queue, or in none. */
    void queue(long conversationId, @Nullable String queue);

    /** Adds tags; tags are lower-case and kept once each. */
    void tag(long conversationId, Collection<String> tags);

    /** Sets when the team owes the customer a response, and which (first response, next response…). */
    void due(long conversationId, @Nullable Instant dueAt, @Nullable String what);

    /** Hands the conversation to a colleague, or to nobody. */
    void assign(long conversationId, @Nullable Long userId);

    /**
     * Sends an automated reply in the conversation's own visibility: publicly in the thread for a
     * public conversation, privately otherwise. It is marked as automated and never counts as the
     * team's response.
     *
     * @return the stored message's id
     */
    long replyAutomatically(long conversationId, String text);

    /** The conversation as triage needs it, if it exists. */
    Optional<ConversationFacts> facts(long conversationId);

    /** Unresolved conversations assigned to a colleague. */
    List<Long> unresolvedAssignedTo(long userId);

    /**
     * How many unresolved conversations each of these colleagues has, by user id; colleagues with none are absent.
     * Asked per colleague, so its cost follows their load, not the whole team's.
     */
    Map<Long, Integer> unresolvedLoad(java.util.Collection<Long> userIds);

    /**
     * The most important unassigned, unresolved conversation in the given queues (any queue when
     * empty): highest priority first, then the customer who has waited longest.
     */
    Optional<Long> nextUnassigned(Collection<String> queues);
}
