package org.heard.conversations.internal;

import java.util.Optional;
import org.heard.conversations.ConversationCustomers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers who a conversation is with, from its current profile on the network. */
@Service
class CustomerDirectory implements ConversationCustomers {

    private final Conversations conversations;
    private final Identities identities;

    CustomerDirectory(Conversations conversations, Identities identities) {
        this.conversations = conversations;
        this.identities = identities;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Customer> of(long conversationId) {
        return conversations
                .findById(conversationId)
                .flatMap(c -> identities
                        .findById(c.identityId())
                        .map(i -> new Customer(
                                c.id(),
                                i.contactId(),
                                i.displayName(),
                                i.handle(),
                                c.channel(),
                                c.account(),
                                c.visibility())));
    }
}
