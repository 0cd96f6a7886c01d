package org.heard.conversations.internal;

import java.util.List;
import java.util.Optional;
import org.heard.channels.Visibility;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Contacts extends ListCrudRepository<Contact, Long> {}

interface Identities extends ListCrudRepository<ChannelIdentity, Long> {

    Optional<ChannelIdentity> findByChannelAndExternalId(String channel, String externalId);

    List<ChannelIdentity> findByContactIdOrderByChannelAscIdAsc(long contactId);

    /** Profiles of other contacts whose handle or name contains the words, for an agent to link by hand. */
    @Query("""
            select i from ChannelIdentity i where i.contactId <> ?1
            and (lower(i.handle) like ?2 escape '\\' or lower(i.displayName) like ?2 escape '\\')
            order by i.displayName, i.handle, i.id limit 20
            """)
    List<ChannelIdentity> search(long exceptContactId, String pattern);
}

interface IdentityLinks extends ListCrudRepository<IdentityLink, Long> {

    Optional<IdentityLink> findFirstByIdentityIdOrderByIdDesc(long identityId);

    @Query("""
            select l from IdentityLink l where l.toContactId = ?1 or l.fromContactId = ?1 order by l.id desc
            """)
    List<IdentityLink> historyOf(long contactId);
}

interface Continuations extends ListCrudRepository<Continuation, Long> {

    @Query("""
            select c from Continuation c where c.conversationId = ?1 or c.toConversationId = ?1 order by c.id
            """)
    List<Continuation> involving(long conversationId);
}

interface Conversations extends ListCrudRepository<Conversation, Long> {

    @Query("""
            select c from Conversation c where c.identityId = ?1 and c.channel = ?2 and c.account = ?3
            and c.visibility = ?4 and c.status <> org.heard.conversations.ConversationStatus.RESOLVED
            order by c.id desc limit 1
            """)
    Optional<Conversation> findUnresolved(long identityId, String channel, String account, Visibility visibility);

    long countByContactId(long contactId);

    Optional<Conversation> findFirstByIdentityIdOrderByLastMessageAtDescIdDesc(long identityId);

    List<Conversation> findByIdentityId(long identityId);
}

interface Messages extends ListCrudRepository<Message, Long> {

    Optional<Message> findByChannelAndAccountAndExternalId(String channel, String account, String externalId);

    boolean existsByChannelAndAccountAndExternalId(String channel, String account, String externalId);

    List<Message> findByConversationIdOrderBySentAtAscIdAsc(long conversationId);

    Optional<Message> findFirstByConversationIdOrderByIdDesc(long conversationId);

    @Query("""
            select m from Message m where m.conversationId = ?1
            and m.direction = org.heard.conversations.internal.Direction.INBOUND
            and m.visibility = org.heard.channels.Visibility.PUBLIC order by m.sentAt desc, m.id desc limit 1
            """)
    Optional<Message> findLatestPublicFromCustomer(long conversationId);

    /**
     * The customer's latest message in the conversation on this channel and account, public or private: what a
     * private reply answers. A conversation continued from elsewhere also holds messages from other networks,
     * whose ids this network would not know.
     */
    @Query("""
            select m from Message m where m.conversationId = ?1 and m.channel = ?2 and m.account = ?3
            and m.direction = org.heard.conversations.internal.Direction.INBOUND and m.externalId is not null
            order by m.sentAt desc, m.id desc limit 1
            """)
    Optional<Message> findLatestFromCustomer(long conversationId, String channel, String account);

    /** The correlation id of the customer's latest message in the conversation, which a reply to it carries. */
    @Query("""
            select m.correlationId from Message m where m.conversationId = ?1
            and m.direction = org.heard.conversations.internal.Direction.INBOUND and m.correlationId is not null
            order by m.id desc limit 1
            """)
    Optional<String> findLatestCorrelation(long conversationId);

    /** Replies with a time to go out that have not gone yet, held for approval or not, soonest first. */
    @Query("""
            select m from Message m where m.scheduledFor is not null
            and m.deliveryState in (org.heard.conversations.internal.DeliveryState.SCHEDULED,
                                    org.heard.conversations.internal.DeliveryState.HELD)
            order by m.scheduledFor, m.id limit 500
            """)
    List<Message> findScheduled();
}

interface Notes extends ListCrudRepository<Note, Long> {

    List<Note> findByConversationIdOrderByCreatedAtAsc(long conversationId);
}
