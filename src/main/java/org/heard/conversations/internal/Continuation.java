package org.heard.conversations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A conversation went on elsewhere: privately on the same network, or on another channel with another
 * of the customer's linked profiles; or, when the customer already had an open private conversation
 * there, in that one ({@link #toConversationId}).
 */
@Entity
@Table(name = "conversation_continuations")
public class Continuation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "after_message_id")
    private Long afterMessageId;

    @Column(name = "from_channel")
    private String fromChannel;

    @Column(name = "from_account")
    private String fromAccount;

    @Column(name = "from_identity_id")
    private Long fromIdentityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_visibility")
    private Visibility fromVisibility;

    @Column(name = "to_channel")
    private String toChannel;

    @Column(name = "to_account")
    private String toAccount;

    @Column(name = "to_identity_id")
    private Long toIdentityId;

    @Column(name = "to_conversation_id")
    private Long toConversationId;

    @Column(name = "into_after_message_id")
    private Long intoAfterMessageId;

    @Column(name = "by_user_id")
    private Long byUserId;

    private Instant at = Instant.now();

    protected Continuation() {}

    /** Recorded before the conversation moves, so that "from" is where it was. */
    Continuation(Conversation from, @Nullable Long afterMessageId, ContinuationTarget to, long byUserId) {
        this.conversationId = from.id();
        this.afterMessageId = afterMessageId;
        this.fromChannel = from.channel();
        this.fromAccount = from.account();
        this.fromIdentityId = from.identityId();
        this.fromVisibility = from.visibility();
        this.toChannel = to.identity().channel();
        this.toAccount = to.account();
        this.toIdentityId = to.identity().id();
        this.byUserId = byUserId;
    }

    /** It went on in the customer's open private conversation there, after that one's latest message. */
    void into(Conversation other, @Nullable Long afterMessageId) {
        this.toConversationId = other.id();
        this.intoAfterMessageId = afterMessageId;
    }

    public Long id() {
        return id;
    }

    public Long conversationId() {
        return conversationId;
    }

    public @Nullable Long afterMessageId() {
        return afterMessageId;
    }

    public String fromChannel() {
        return fromChannel;
    }

    public Visibility fromVisibility() {
        return fromVisibility;
    }

    public String toChannel() {
        return toChannel;
    }

    public String toAccount() {
        return toAccount;
    }

    public Long toIdentityId() {
        return toIdentityId;
    }

    public @Nullable Long toConversationId() {
        return toConversationId;
    }

    public @Nullable Long intoAfterMessageId() {
        return intoAfterMessageId;
    }

    public Long byUserId() {
        return byUserId;
    }

    public Instant at() {
        return at;
    }
}
