package org.heard.conversations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.heard.channels.Author;
import org.jspecify.annotations.Nullable;

/** A contact as one network knows them. */
@Entity
@Table(name = "channel_identities")
public class ChannelIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contact_id")
    private Long contactId;

    private String channel;

    @Column(name = "external_id")
    private String externalId;

    private String handle;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column(name = "followers_count")
    private Long followersCount;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ChannelIdentity() {}

    ChannelIdentity(long contactId, String channel, Author author) {
        this.contactId = contactId;
        this.channel = channel;
        this.externalId = author.externalId();
        refresh(author);
    }

    /** Networks let people change names and pictures; Heard shows what the latest message says. */
    void refresh(Author author) {
        if (Objects.equals(handle, author.handle())
                && Objects.equals(displayName, author.displayName())
                && Objects.equals(avatarUrl, author.avatarUrl())
                && Objects.equals(followersCount, author.followers())) {
            return; // unchanged: no write for every message of a regular customer
        }
        this.handle = author.handle();
        this.displayName = author.displayName();
        this.avatarUrl = author.avatarUrl();
        this.followersCount = author.followers();
        this.updatedAt = Instant.now();
    }

    /** An agent linked this profile to another contact, or unlinked it. */
    void belongTo(long contactId) {
        this.contactId = contactId;
    }

    public Long id() {
        return id;
    }

    public Long contactId() {
        return contactId;
    }

    public String channel() {
        return channel;
    }

    public String externalId() {
        return externalId;
    }

    public @Nullable String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public @Nullable String avatarUrl() {
        return avatarUrl;
    }

    public @Nullable Long followersCount() {
        return followersCount;
    }
}
