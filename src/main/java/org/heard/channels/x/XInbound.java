package org.heard.channels.x;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.heard.channels.Author;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.Visibility;
import org.heard.channels.x.XPayloads.Activity;
import org.heard.channels.x.XPayloads.V1DirectMessage;
import org.heard.channels.x.XPayloads.V1Tweet;
import org.heard.channels.x.XPayloads.V1User;
import org.heard.channels.x.XPayloads.V2Event;
import org.heard.channels.x.XPayloads.V2User;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits Account Activity webhooks into one delivery per post or Direct Message, and reads every
 * recorded delivery (from a webhook or a poll) as a message. Each delivery keeps X's own shape for one
 * event: an Account Activity body with a single event, or a v2 {@code data} object with its author in
 * {@code includes}. A post and a Direct Message have the same event id however they arrived, so one
 * that came both by webhook and by poll is recorded once.
 */
final class XInbound {

    private static final Logger log = LoggerFactory.getLogger(XInbound.class);
    /** Account Activity posts carry v1.1 dates: {@code Wed Oct 10 20:19:24 +0000 2018}. */
    private static final DateTimeFormatter V1_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    private final JsonMapper json;

    XInbound(JsonMapper json) {
        this.json = json;
    }

    static String postEvent(String id) {
        return "post-" + id;
    }

    static String messageEvent(String id) {
        return "dm-" + id;
    }

    List<InboundDelivery> read(byte[] body, String brandId) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhook("The body is not an Account Activity event: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("for_user_id").isValueNode()) {
            throw new MalformedWebhook("An Account Activity event names the account in for_user_id.");
        }
        var forUser = tree.path("for_user_id").asString();
        if (!forUser.equals(brandId)) {
            log.warn("Ignored an X event for user {} at the webhook of account {}", forUser, brandId);
            return List.of();
        }
        var deliveries = new ArrayList<InboundDelivery>();
        for (var post : tree.path("tweet_create_events")) {
            var author = post.path("user").path("id_str").asString("");
            if (author.equals(brandId) || post.has("retweeted_status")) {
                continue; // the brand's own posts, and reposts, are not customers speaking
            }
            var single = json.createObjectNode().put("for_user_id", forUser);
            single.putArray("tweet_create_events").add(post);
            deliveries.add(checked(forUser, postEvent(post.path("id_str").asString("")), single));
        }
        for (var event : tree.path("direct_message_events")) {
            var sender = event.path("message_create").path("sender_id").asString("");
            if (!"message_create".equals(event.path("type").asString("")) || sender.equals(brandId)) {
                continue;
            }
            var single = json.createObjectNode().put("for_user_id", forUser);
            single.putArray("direct_message_events").add(event);
            if (tree.path("users").has(sender)) {
                single.putObject("users").set(sender, tree.path("users").path(sender));
            }
            deliveries.add(checked(forUser, messageEvent(event.path("id").asString("")), single));
        }
        return deliveries;
    }

    private InboundDelivery checked(String account, String eventId, ObjectNode payload) {
        try {
            var delivery = new InboundDelivery(account, eventId, json.writeValueAsString(payload));
            normalise(delivery);
            return delivery;
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhook("Event " + eventId + ": " + e.getMessage(), e);
        }
    }

    InboundMessage normalise(InboundDelivery delivery) {
        try {
            var tree = json.readTree(delivery.payload());
            if (tree.has("tweet_create_events")) {
                var post = json.treeToValue(tree, Activity.class)
                        .tweetCreateEvents()
                        .getFirst();
                return post(delivery.account(), post);
            }
            if (tree.has("direct_message_events")) {
                return message(delivery.account(), json.treeToValue(tree, Activity.class));
            }
            if (tree.has("data")) {
                return v2(delivery.account(), json.treeToValue(tree, V2Event.class));
            }
        } catch (JacksonException | NullPointerException | java.util.NoSuchElementException e) {
            throw new MalformedWebhook("Not an X post or Direct Message: " + delivery.externalId(), e);
        }
        throw new MalformedWebhook("Not an X post or Direct Message: " + delivery.externalId());
    }

    private InboundMessage post(String account, V1Tweet post) {
        var user = post.user();
        var inReplyTo = post.inReplyToStatusIdStr() != null ? post.inReplyToStatusIdStr() : post.quotedStatusIdStr();
        return new InboundMessage(
                XConnector.CHANNEL,
                account,
                post.idStr(),
                author(user),
                post.fullText(),
                Visibility.PUBLIC,
                inReplyTo,
                v1Date(post.createdAt()));
    }

    private InboundMessage message(String account, Activity activity) {
        V1DirectMessage event = activity.directMessageEvents().getFirst();
        var create = event.messageCreate();
        var sender = activity.users() == null ? null : activity.users().get(create.senderId());
        var author =
                sender != null ? author(sender) : new Author(create.senderId(), null, create.senderId(), null, null);
        var text = create.messageData() == null ? "" : create.messageData().text();
        var sentAt = event.createdTimestamp() == null
                ? null
                : Instant.ofEpochMilli(Long.parseLong(event.createdTimestamp()));
        return new InboundMessage(
                XConnector.CHANNEL, account, event.id(), author, text, Visibility.PRIVATE, null, sentAt);
    }

    private InboundMessage v2(String account, V2Event event) {
        var item = event.data();
        boolean direct = item.eventType() != null;
        var authorId = direct ? item.senderId() : item.authorId();
        if (authorId == null) {
            throw new MalformedWebhook("X item " + item.id() + " does not say who wrote it.");
        }
        V2User user = event.includes() == null || event.includes().users() == null
                ? null
                : event.includes().users().stream()
                        .filter(u -> authorId.equals(u.id()))
                        .findFirst()
                        .orElse(null);
        var author = user == null
                ? new Author(authorId, null, authorId, null, null)
                : new Author(
                        user.id(),
                        user.username(),
                        user.name(),
                        user.profileImageUrl(),
                        user.publicMetrics() == null
                                ? null
                                : user.publicMetrics().followersCount());
        if (direct) {
            return new InboundMessage(
                    XConnector.CHANNEL,
                    account,
                    item.id(),
                    author,
                    item.fullText(),
                    Visibility.PRIVATE,
                    null,
                    item.createdAt());
        }
        var inReplyTo =
                item.referenced("replied_to") != null ? item.referenced("replied_to") : item.referenced("quoted");
        return new InboundMessage(
                XConnector.CHANNEL,
                account,
                item.id(),
                author,
                item.fullText(),
                Visibility.PUBLIC,
                inReplyTo,
                item.createdAt());
    }

    private static Author author(V1User user) {
        return new Author(
                user.key(), user.screenName(), user.name(), user.profileImageUrlHttps(), user.followersCount());
    }

    private static @Nullable Instant v1Date(@Nullable String date) {
        if (date == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(date, V1_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
