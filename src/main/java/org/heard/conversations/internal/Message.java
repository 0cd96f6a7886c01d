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
import org.heard.channels.InboundMessage;
import org.heard.channels.Visibility;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/** One message in a conversation, from the customer or from the team. */
@Entity
@Table(name = "messages")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    private String channel;
    private String account;

    @Column(name = "author_identity_id")
    private Long authorIdentityId;

    @Column(name = "author_user_id")
    private Long authorUserId;

    private String text;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "reply_to_external_id")
    private String replyToExternalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_state")
    private DeliveryState deliveryState;

    @Column(name = "delivery_error")
    private String deliveryError;

    private boolean automated;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "scheduled_for")
    private Instant scheduledFor;

    @Column(name = "hold_note")
    private String holdNote;

    @Column(name = "returned_by")
    private Long returnedBy;

    /** For a customer's message, the delivery's correlation id ({@code channel:delivery id}); null on replies. */
    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "recorded_at")
    private Instant recordedAt = Instant.now();

    protected Message() {}

    static Message inbound(
            Conversation conversation, ChannelIdentity author, InboundMessage message, @Nullable String correlationId) {
        var m = new Message();
        m.correlationId = correlationId;
        m.conversationId = conversation.id();
        m.direction = Direction.INBOUND;
        m.channel = message.channel();
        m.account = message.account();
        m.authorIdentityId = author.id();
        m.text = message.text();
        m.visibility = message.visibility();
        m.externalId = message.externalId();
        m.replyToExternalId = message.inReplyTo();
        m.deliveryState = DeliveryState.RECEIVED;
        m.sentAt = message.sentAt();
        return m;
    }

    static Message outbound(
            Conversation conversation, long userId, String text, Visibility visibility, @Nullable String replyTo) {
        return outbound(conversation, (Long) userId, text, visibility, replyTo);
    }

    /** An automated reply: the team's, written by no person. */
    static Message automated(Conversation conversation, String text, Visibility visibility, @Nullable String replyTo) {
        var m = outbound(conversation, null, text, visibility, replyTo);
        m.automated = true;
        return m;
    }

    private static Message outbound(
            Conversation conversation,
            @Nullable Long userId,
            String text,
            Visibility visibility,
            @Nullable String replyTo) {
        var m = new Message();
        m.conversationId = conversation.id();
        m.direction = Direction.OUTBOUND;
        m.channel = conversation.channel();
        m.account = conversation.account();
        m.authorUserId = userId;
        m.text = text;
        m.visibility = visibility;
        m.replyToExternalId = replyTo;
        m.deliveryState = DeliveryState.PENDING;
        m.sentAt = Instant.now();
        return m;
    }

    void delivered(String externalId, Instant at) {
        this.externalId = externalId;
        this.deliveryState = DeliveryState.SENT;
        this.deliveryError = null;
        this.sentAt = at;
    }

    void notDelivered(String error, boolean willRetry) {
        this.deliveryError = error;
        this.deliveryState = willRetry ? DeliveryState.PENDING : DeliveryState.FAILED;
    }

    /** Keeps the reply back until it is released; the note says why. */
    void hold(String note, @Nullable Instant sendAt) {
        this.deliveryState = DeliveryState.HELD;
        this.holdNote = note;
        this.scheduledFor = sendAt;
    }

    /** Keeps the reply until its time comes. */
    void schedule(Instant sendAt) {
        this.deliveryState = DeliveryState.SCHEDULED;
        this.scheduledFor = sendAt;
    }

    /** Lets a waiting reply go now, in the words it will be sent in. */
    void release(String text, Instant at) {
        if (!deliveryState.waiting()) {
            throw new Refused("This reply is not waiting to be sent.");
        }
        this.text = text;
        this.deliveryState = DeliveryState.PENDING;
        this.sentAt = at;
    }

    /** Changes the words of a reply that has not gone out yet. */
    void rewrite(String text) {
        if (!deliveryState.waiting()) {
            throw new Refused("This reply is not waiting to be sent.");
        }
        this.text = text;
    }

    void sendBack(String comment, long byUserId) {
        if (deliveryState != DeliveryState.HELD) {
            throw new Refused("Only a reply waiting for approval can be sent back.");
        }
        this.deliveryState = DeliveryState.RETURNED;
        this.holdNote = comment;
        this.returnedBy = byUserId;
    }

    /** A scheduled reply that could not go out at its time goes back to its author, who can edit and send it. */
    void couldNotGoOut(String why) {
        if (deliveryState != DeliveryState.SCHEDULED) {
            throw new Refused("Only a scheduled reply can miss its time.");
        }
        this.deliveryState = DeliveryState.RETURNED;
        this.holdNote = why;
        this.returnedBy = null;
    }

    void cancel() {
        if (!deliveryState.waiting()) {
            throw new Refused("Only a reply that has not gone out yet can be withdrawn.");
        }
        this.deliveryState = DeliveryState.CANCELLED;
    }

    public @Nullable Instant scheduledFor() {
        return scheduledFor;
    }

    /** Why the reply waits, or the approver's comment when it was sent back. */
    public @Nullable String holdNote() {
        return holdNote;
    }

    /** Who sent the reply back to its author, if someone did. */
    public @Nullable Long returnedBy() {
        return returnedBy;
    }

    void retrying() {
        this.deliveryState = DeliveryState.PENDING;
        this.deliveryError = null;
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

    public Long conversationId() {
        return conversationId;
    }

    public Direction direction() {
        return direction;
    }

    public @Nullable Long authorIdentityId() {
        return authorIdentityId;
    }

    public @Nullable Long authorUserId() {
        return authorUserId;
    }

    public boolean automated() {
        return automated;
    }

    public String text() {
        return text;
    }

    public Visibility visibility() {
        return visibility;
    }

    public @Nullable String externalId() {
        return externalId;
    }

    public @Nullable String replyToExternalId() {
        return replyToExternalId;
    }

    public DeliveryState deliveryState() {
        return deliveryState;
    }

    public @Nullable String deliveryError() {
        return deliveryError;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
