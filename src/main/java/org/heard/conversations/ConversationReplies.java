package org.heard.conversations;

import org.heard.channels.Visibility;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Replies in a conversation on a colleague's behalf from outside the inbox, for example one message of a
 * broadcast. The reply takes the agent's own path: the channel's rules and every {@link ReplyCheck}, then stored
 * in the conversation, threaded (in public under the customer's latest public post, in private in their chat),
 * counted as the team's response, shown live, and sent once by the outbox.
 */
public interface ConversationReplies {

    /**
     * Replies now, in the caller's transaction or in its own.
     *
     * @param userId the colleague the reply is from
     * @param visibility public or private, or null for the conversation's own way
     * @return the stored reply, which may wait for approval
     * @throws ReplyRefused when a check before sending refuses it; nothing is stored
     * @throws Refused when the network's rules refuse it (too long, its messaging window closed,
     *     the channel no longer connected); nothing is stored
     * @throws org.springframework.web.server.ResponseStatusException 404 when the conversation does not exist
     */
    ReplyReceipt reply(long conversationId, long userId, String text, @Nullable Visibility visibility);
}
