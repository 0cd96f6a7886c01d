package org.heard.conversations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person Heard talks to. Identities on several networks are linked to one contact only on purpose. */
@Entity
@Table(name = "contacts")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    protected Contact() {}

    Contact(String displayName) {
        this.displayName = displayName;
    }

    public Long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
