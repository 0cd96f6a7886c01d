package org.heard.channels.bluesky;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.heard.channels.Author;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.Visibility;
import org.heard.channels.bluesky.BlueskyPayloads.DirectMessage;
import org.heard.channels.bluesky.BlueskyPayloads.Notification;
import org.heard.channels.bluesky.BlueskyPayloads.Profile;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a page of {@code app.bsky.notification.listNotifications}: {@code {"cursor", "notifications"}},
 * newest first. Mentions, replies and quotes become deliveries whose event id is the post's at:// URI
 * and whose payload is the notification as Bluesky sent it; likes, follows and reposts are left out.
 */
final class BlueskyPages {

    static final Set<String> REASONS = Set.of("mention", "reply", "quote");

    private final JsonMapper json;

    BlueskyPages(JsonMapper json) {
        this.json = json;
    }

    /** One notification of a page, when Bluesky indexed it, and its delivery if Heard wants it. */
    record Entry(Instant indexedAt, @Nullable InboundDelivery delivery) {}

    record Page(List<Entry> entries, @Nullable String cursor) {

        List<InboundDelivery> deliveries() {
            return entries.stream().map(Entry::delivery).filter(d -> d != null).toList();
        }
    }

    Page read(String account, String body) {
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhook("Bluesky's answer is not a list of notifications: " + e.getOriginalMessage());
        }
        if (page == null || !page.isObject() || !page.path("notifications").isArray()) {
            throw new MalformedWebhook("Bluesky's answer has no notifications list.");
        }
        var entries = new ArrayList<Entry>();
        for (var node : page.path("notifications")) {
            var notification = notification(node.toString());
            InboundDelivery delivery = null;
            if (REASONS.contains(notification.reason())) {
                post(notification);
                try {
                    delivery = new InboundDelivery(account, notification.uri(), node.toString());
                } catch (IllegalArgumentException e) {
                    throw new MalformedWebhook("Notification " + notification.uri() + ": " + e.getMessage());
                }
            }
            entries.add(new Entry(instant(notification.indexedAt(), notification.uri()), delivery));
        }
        var cursor = page.path("cursor");
        return new Page(entries, cursor.isString() && !cursor.asString().isBlank() ? cursor.asString() : null);
    }

    Notification notification(String payload) {
        Notification notification;
        try {
            notification = json.readValue(payload, Notification.class);
        } catch (JacksonException e) {
            throw new MalformedWebhook("A Bluesky notification is not shaped as documented: " + e.getOriginalMessage());
        }
        if (notification == null
                || blank(notification.uri())
                || blank(notification.reason())
                || notification.author() == null
                || blank(notification.author().did())) {
            throw new MalformedWebhook("Each Bluesky notification needs a uri, a reason and an author with a did.");
        }
        return notification;
    }

    /** A mention, reply or quote must carry the post it is about. */
    static Notification post(Notification notification) {
        if (notification.record() == null || notification.record().text() == null || blank(notification.cid())) {
            throw new MalformedWebhook("Notification " + notification.uri() + " needs the post's record and cid.");
        }
        return notification;
    }

    /** Whether a recorded payload is a direct message ({@code {"log", "convo"}}) rather than a notification. */
    boolean isDirectMessage(String payload) {
        try {
            var tree = json.readTree(payload);
            return tree != null && tree.isObject() && tree.has("log") && tree.has("convo");
        } catch (JacksonException e) {
            return false;
        }
    }

    /** A direct message as Heard records it: private, from the sender named in its conversation. */
    InboundMessage directMessage(InboundDelivery delivery) {
        DirectMessage recorded;
        try {
            recorded = json.readValue(delivery.payload(), DirectMessage.class);
        } catch (JacksonException e) {
            throw new MalformedWebhook(
                    "A Bluesky direct message is not shaped as documented: " + e.getOriginalMessage());
        }
        var message = recorded == null || recorded.log() == null
                ? null
                : recorded.log().message();
        if (message == null || blank(message.id()) || message.text() == null || message.sender() == null) {
            throw new MalformedWebhook("A Bluesky direct message needs an id, a text and a sender.");
        }
        var sender = message.sender().did();
        var members = recorded.convo() == null || recorded.convo().members() == null
                ? List.<Profile>of()
                : recorded.convo().members();
        var profile = members.stream()
                .filter(member -> sender.equals(member.did()))
                .findFirst()
                .orElse(new Profile(sender, null, null, null));
        return new InboundMessage(
                BlueskyConnector.CHANNEL,
                delivery.account(),
                message.id(),
                new Author(sender, profile.handle(), profile.displayName(), profile.avatar(), null),
                message.text(),
                Visibility.PRIVATE,
                null,
                message.sentAt() == null ? null : instant(message.sentAt(), message.id()));
    }

    static Instant instant(@Nullable String timestamp, String what) {
        if (timestamp == null) {
            throw new MalformedWebhook("Bluesky's " + what + " has no time.");
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedWebhook("Bluesky's " + what + " has a time that is not a datetime.");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
