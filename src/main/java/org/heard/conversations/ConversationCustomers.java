package org.heard.conversations;

import java.util.Optional;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/** Who a conversation is with, as their network shows them: for greeting them by name. */
public interface ConversationCustomers {

    /** The customer of a conversation, if the conversation exists. */
    Optional<Customer> of(long conversationId);

    /**
     * @param displayName the name the customer shows on the network, which may be a nickname
     * @param handle their handle without {@code @}, where the network has handles
     * @param account the network's id for the brand's account the conversation is on
     */
    record Customer(
            long conversationId,
            long contactId,
            String displayName,
            @Nullable String handle,
            String channel,
            String account,
            Visibility visibility) {}
}
