package org.heard.conversations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note for colleagues; customers never see it. */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "author_user_id")
    private Long authorUserId;

    private String text;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    protected Note() {}

    Note(long conversationId, long authorUserId, String text) {
        this.conversationId = conversationId;
        this.authorUserId = authorUserId;
        this.text = text;
    }

    public Long id() {
        return id;
    }

    public Long authorUserId() {
        return authorUserId;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
