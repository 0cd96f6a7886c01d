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

/**
 * A person linked a profile to a contact, or unlinked it: who, when, which profile and the contact it
 * came from, so that an unlink puts it back exactly.
 */
@Entity
@Table(name = "identity_links")
public class IdentityLink {

    /** What was done. */
    public enum Action {
        LINKED,
        UNLINKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identity_id")
    private Long identityId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Column(name = "from_contact_id")
    private Long fromContactId;

    @Column(name = "to_contact_id")
    private Long toContactId;

    @Column(name = "by_user_id")
    private Long byUserId;

    private Instant at = Instant.now();

    protected IdentityLink() {}

    IdentityLink(long identityId, Action action, long fromContactId, long toContactId, long byUserId) {
        this.identityId = identityId;
        this.action = action;
        this.fromContactId = fromContactId;
        this.toContactId = toContactId;
        this.byUserId = byUserId;
    }

    public Long id() {
        return id;
    }

    public Long identityId() {
        return identityId;
    }

    public Action action() {
        return action;
    }

    public Long fromContactId() {
        return fromContactId;
    }

    public Long toContactId() {
        return toContactId;
    }

    public Long byUserId() {
        return byUserId;
    }

    public Instant at() {
        return at;
    }
}
