package org.heard.conversations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
        this(conversationId, (Long) authorUserId, text);
    }

    private Note(long conversationId, @Nullable Long authorUserId, String text) {
        this.conversationId = conversationId;
        this.authorUserId = authorUserId;
        this.text = text;
    }

    /** A note written by Heard itself, such as a bot's handover, by no colleague. */
    static Note automated(long conversationId, String text) {
        return new Note(conversationId, null, text);
    }

    public Long id() {
        return id;
    }

    /** The colleague who wrote it, or null when Heard wrote it. */
    public @Nullable Long authorUserId() {
        return authorUserId;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
