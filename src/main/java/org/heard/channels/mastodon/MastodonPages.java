package org.heard.channels.mastodon;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.heard.channels.InboundDelivery;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.mastodon.MastodonPayloads.Notification;
import org.heard.channels.mastodon.MastodonPayloads.Status;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a page of {@code GET /api/v1/notifications}
 * (<a href="https://docs.joinmastodon.org/methods/notifications/#get">docs</a>), a JSON array of
 * Notification entities. Each mention becomes a delivery whose event id is the notification's id and
 * whose payload is the notification exactly as Mastodon sent it; other types are left out.
 */
final class MastodonPages {

    private final JsonMapper json;

    MastodonPages(JsonMapper json) {
        this.json = json;
    }

    /** The mentions on a page, and the newest notification id on it (of any type), to poll on from. */
    record Page(List<InboundDelivery> deliveries, @Nullable String newestId, int size) {}

    Page deliveries(String account, String body) {
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhook("Mastodon's answer is not a list of notifications: " + e.getOriginalMessage());
        }
        if (page == null || !page.isArray()) {
            throw new MalformedWebhook("Mastodon's answer is not a list of notifications.");
        }
        var deliveries = new ArrayList<InboundDelivery>();
        String newest = null;
        for (var node : page) {
            var notification = notification(node);
            newest = newest(newest, notification.id());
            if (!"mention".equals(notification.type())) {
                continue;
            }
            try {
                deliveries.add(new InboundDelivery(account, notification.id(), node.toString()));
            } catch (IllegalArgumentException e) {
                throw new MalformedWebhook("Notification " + notification.id() + ": " + e.getMessage());
            }
            check(notification);
        }
        return new Page(deliveries, newest, page.size());
    }

    /** The mentioning status of a recorded notification. */
    Status mention(String payload) {
        try {
            return check(json.readValue(payload, Notification.class));
        } catch (JacksonException e) {
            throw new MalformedWebhook("The recorded Mastodon notification cannot be read: " + e.getOriginalMessage());
        }
    }

    private Notification notification(JsonNode node) {
        Notification notification;
        try {
            notification = json.treeToValue(node, Notification.class);
        } catch (JacksonException e) {
            throw new MalformedWebhook(
                    "A Mastodon notification is not shaped as documented: " + e.getOriginalMessage());
        }
        if (notification == null || blank(notification.id()) || blank(notification.type())) {
            throw new MalformedWebhook("Each Mastodon notification needs an id and a type.");
        }
        return notification;
    }

    private static Status check(Notification notification) {
        var status = notification.status();
        if (status == null
                || blank(status.id())
                || status.account() == null
                || blank(status.account().id())) {
            throw new MalformedWebhook(
                    "Mention " + notification.id() + " needs a status with an id and an account with an id.");
        }
        return status;
    }

    /** The newer of two Mastodon ids: numbers in strings, compared as numbers when they are. */
    static @Nullable String newest(@Nullable String current, @Nullable String candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        try {
            return new BigInteger(candidate).compareTo(new BigInteger(current)) > 0 ? candidate : current;
        } catch (NumberFormatException notNumbers) {
            return candidate.compareTo(current) > 0 ? candidate : current;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
