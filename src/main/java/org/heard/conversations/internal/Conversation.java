package org.heard.conversations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationChanged;
import org.heard.conversations.ConversationStatus;
import org.heard.platform.Refused;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A thread between the care team and one customer on one network, public or private. Updates write only
 * the columns that changed, so a priority set meanwhile by triage is never overwritten with a stale one.
 */
@Entity
@DynamicUpdate
@Table(name = "conversations")
public class Conversation {

    static final int PREVIEW_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String channel;
    private String account;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "identity_id")
    private Long identityId;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    private ConversationStatus status = ConversationStatus.NEW;

    private int priority;

    @Column(name = "priority_reason")
    private String priorityReason = "";

    private String queue;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] tags = new String[0];

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "due_what")
    private String dueWhat;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "last_message_preview")
    private String lastMessagePreview = "";

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "last_customer_message_at")
    private Instant lastCustomerMessageAt;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    private long version;

    protected Conversation() {}

    Conversation(String channel, String account, ChannelIdentity identity, Visibility visibility, Instant startedAt) {
        this.channel = channel;
        this.account = account;
        this.contactId = identity.contactId();
        this.identityId = identity.id();
        this.visibility = visibility;
        this.createdAt = startedAt;
        this.lastMessageAt = startedAt;
    }

    /** The customer wrote: a resolved or pending conversation needs the team again. */
    void customerWrote(String text, Instant at) {
        if (status == ConversationStatus.RESOLVED || status == ConversationStatus.PENDING) {
            status = ConversationStatus.OPEN;
            resolvedAt = null;
        }
        lastCustomerMessageAt = later(lastCustomerMessageAt, at);
        lastMessageAt = later(lastMessageAt, at);
        lastMessagePreview = preview(text);
    }

    /** The team answered: the customer has their first response, and the ball is in their court. */
    void teamReplied(String text, Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
        }
        if (status == ConversationStatus.NEW || status == ConversationStatus.OPEN) {
            status = ConversationStatus.PENDING;
        }
        lastMessageAt = later(lastMessageAt, at);
        lastMessagePreview = preview(text);
    }

    /** An automated reply went out: the conversation moves on, but no person has answered yet. */
    void teamRepliedAutomatically(String text, Instant at) {
        lastMessageAt = later(lastMessageAt, at);
        lastMessagePreview = preview(text);
    }

    void prioritise(int priority, String reason) {
        this.priority = priority;
        this.priorityReason = priorityReason(reason);
    }

    static String priorityReason(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }

    void queueIn(@Nullable String queue) {
        this.queue = queue;
    }

    /** Adds tags, lower-case, each once, in a stable order. */
    void tag(Collection<String> added) {
        var all = new TreeSet<>(Arrays.asList(tags));
        added.stream()
                .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty())
                .forEach(all::add);
        tags = all.toArray(String[]::new);
    }

    /** Takes a tag off; says whether it was there. */
    boolean untag(String tag) {
        var all = new TreeSet<>(Arrays.asList(tags));
        var removed = all.remove(tag.strip().toLowerCase(Locale.ROOT));
        tags = all.toArray(String[]::new);
        return removed;
    }

    void due(@Nullable Instant at, @Nullable String what) {
        this.dueAt = at;
        this.dueWhat = at == null ? null : what;
    }

    void assignTo(@Nullable Long userId) {
        assigneeId = userId;
        if (userId != null && status == ConversationStatus.NEW) {
            status = ConversationStatus.OPEN;
        }
    }

    void resolve() {
        status = ConversationStatus.RESOLVED;
        resolvedAt = Instant.now();
    }

    void reopen() {
        if (status == ConversationStatus.RESOLVED) {
            status = ConversationStatus.OPEN;
            resolvedAt = null;
        }
    }

    /** Moves to a status an agent chose; a conversation cannot go back to new. */
    void moveTo(ConversationStatus target) {
        switch (target) {
            case RESOLVED -> resolve();
            case NEW -> {
                if (status != ConversationStatus.NEW) {
                    throw new Refused(
                            "A conversation someone has worked on cannot become new again; choose open or pending.");
                }
            }
            case OPEN, PENDING -> {
                resolvedAt = null;
                status = target;
            }
        }
    }

    /**
     * Goes on privately with this profile of the customer, on the account Heard talks to them from: the
     * same profile on the same network, or another linked profile on another channel. The messages
     * keep their own channel, so the history stays whole.
     */
    void continueWith(ChannelIdentity identity, String account) {
        if (!identity.contactId().equals(contactId)) {
            throw new IllegalArgumentException("A conversation only goes on with a profile of the same customer.");
        }
        this.channel = identity.channel();
        this.account = account;
        this.identityId = identity.id();
        this.visibility = Visibility.PRIVATE;
    }

    /** The profile was linked to another contact, or unlinked: its conversations follow it. */
    void belongTo(long contactId) {
        this.contactId = contactId;
    }

    ConversationChanged changed() {
        return new ConversationChanged(
                id, status, channel, visibility.name(), lastMessagePreview, assigneeId, lastMessageAt);
    }

    private static Instant later(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    static String preview(String text) {
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    public String account() {
        return account;
    }

    public Long contactId() {
        return contactId;
    }

    public Long identityId() {
        return identityId;
    }

    public Visibility visibility() {
        return visibility;
    }

    public ConversationStatus status() {
        return status;
    }

    public int priority() {
        return priority;
    }

    public String priorityReason() {
        return priorityReason;
    }

    public @Nullable String queue() {
        return queue;
    }

    public Set<String> tags() {
        return Set.of(tags);
    }

    public @Nullable Instant dueAt() {
        return dueAt;
    }

    public @Nullable String dueWhat() {
        return dueWhat;
    }

    public @Nullable Instant resolvedAt() {
        return resolvedAt;
    }

    public @Nullable Long assigneeId() {
        return assigneeId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant firstResponseAt() {
        return firstResponseAt;
    }

    public @Nullable Instant lastCustomerMessageAt() {
        return lastCustomerMessageAt;
    }

    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    public String lastMessagePreview() {
        return lastMessagePreview;
    }
}
