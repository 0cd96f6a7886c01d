package org.heard.channels.meta;

import static org.heard.channels.meta.MetaWebhooks.text;

import java.util.ArrayList;
import java.util.List;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.InboundDelivery;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The Messenger Platform's webhooks, a Facebook Page's and an Instagram account's alike: each entry of the account
 * carries customers' private messages as {@code messaging} events and comments as {@code changes}. Every message
 * and comment a customer wrote becomes one delivery, cut down to its own entry; the account's own echoes and
 * comments, reads, deliveries and deleted messages are left out.
 *
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/webhooks">Messenger Platform webhooks</a>
 */
final class MessengerWebhooks {

    /** Which changes are comments a customer wrote: the fields and the account's own id differ per network. */
    @FunctionalInterface
    interface CustomerComment {

        /** The comment's id, or null for the account's own comments and every other change. */
        @Nullable
        String id(JsonNode change, String accountId);
    }

    private final MetaWebhooks webhooks;
    private final String object;
    private final String network;

    /**
     * @param object the webhook's {@code object}: {@code page} or {@code instagram}
     * @param network the network's name in refusals and warnings
     */
    MessengerWebhooks(MetaWebhooks webhooks, String object, String network) {
        this.webhooks = webhooks;
        this.object = object;
        this.network = network;
    }

    /** One delivery per customer's message or comment in the account's own entries, each checked by the connector. */
    List<InboundDelivery> customerEvents(
            WebhookRequest request, ChannelConnector connector, CustomerComment customerComment) {
        var account = request.requireAccount();
        var deliveries = new ArrayList<InboundDelivery>();
        for (var entry : webhooks.entries(request, object, network)) {
            if (!webhooks.belongsTo(account, text(entry.path("id")), network)) {
                continue;
            }
            for (var event : entry.path("messaging").values()) {
                var mid = customerMessage(event);
                if (mid != null) {
                    deliveries.add(delivery(connector, account, mid, webhooks.slice(entry, "messaging", event)));
                }
            }
            for (var change : entry.path("changes").values()) {
                var commentId = customerComment.id(change, account.externalId());
                if (commentId != null) {
                    deliveries.add(delivery(connector, account, commentId, webhooks.slice(entry, "changes", change)));
                }
            }
        }
        return deliveries;
    }

    /**
     * The {@code mid} of a message a customer sent, or null for everything else: echoes of the account's own
     * messages come in the same field, and deleted messages, reads and deliveries are left out.
     */
    private static @Nullable String customerMessage(JsonNode event) {
        var message = event.path("message");
        if (!message.isObject()
                || message.path("is_echo").asBoolean(false)
                || message.path("is_deleted").asBoolean(false)) {
            return null;
        }
        return text(message.path("mid"));
    }

    private InboundDelivery delivery(ChannelConnector connector, ChannelAccount account, String id, String payload) {
        return MetaWebhooks.checked(connector, account.externalId(), id, payload, network + " event");
    }
}
