package org.heard.channels.meta;

import static org.heard.channels.meta.MetaWebhooks.ACCESS_TOKEN;
import static org.heard.channels.meta.MetaWebhooks.APP_SECRET;
import static org.heard.channels.meta.MetaWebhooks.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.channels.AccountSetup;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.Moderation;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.heard.channels.meta.MessengerPayloads.FeedChange;
import org.heard.channels.meta.MessengerPayloads.Messaging;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Facebook Page: private Messenger conversations ({@code messages} webhook field) and public comments on the
 * Page's posts ({@code feed} field, {@code item: comment}, {@code verb: add}). The Page's own messages (echoes) and
 * its own comments are left out, as are reads, deliveries, reactions and edits.
 */
@Component
class FacebookConnector implements MetaWebhookConnector {

    static final String CHANNEL = "facebook";
    static final String PAGE_ID = "page_id";
    private static final String NETWORK = "Facebook";
    /**
     * Messenger takes 2000 characters in a text message; a comment takes 8000. The composer has one limit per
     * channel, so it shows the one that holds for both.
     */
    private static final ComposerRules RULES = new ComposerRules(2000, true);

    /**
     * A Page likes a comment with {@code POST /<COMMENT_ID>/likes} (and {@code DELETE} takes it back), and hides one
     * with {@code POST /<COMMENT_ID>} {@code is_hidden=true|false}.
     *
     * @see <a href="https://developers.facebook.com/docs/graph-api/reference/object/likes">Object likes</a>
     * @see <a href="https://developers.facebook.com/docs/graph-api/reference/comment">Comment</a>
     */
    private static final Set<Moderation> MODERATIONS =
            Set.of(Moderation.LIKE, Moderation.UNLIKE, Moderation.HIDE, Moderation.UNHIDE);

    private final MetaWebhooks webhooks;
    private final GraphApi graph;
    private final MessengerPlatform messenger;
    private final MessengerWebhooks messengerWebhooks;

    FacebookConnector(JsonMapper json, GraphApi graph) {
        this.webhooks = new MetaWebhooks(json);
        this.graph = graph;
        this.messenger = new MessengerPlatform(graph, NETWORK, MODERATIONS, "is_hidden");
        this.messengerWebhooks = new MessengerWebhooks(webhooks, "page", NETWORK);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Facebook";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.plain(
                        PAGE_ID, "Page ID", "Your Page > About > Page transparency, or Meta Business Suite."),
                CredentialField.secret(
                        ACCESS_TOKEN,
                        "Page access token",
                        "A long-lived Page token with pages_messaging, pages_read_engagement and pages_manage_engagement."),
                MetaWebhooks.APP_SECRET_FIELD,
                MessengerPlatform.HUMAN_AGENT_TAG_FIELD);
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var credentials = setup.credentials();
        var id = credentials.get(PAGE_ID);
        credentials.get(APP_SECRET);
        var page = graph.read(NETWORK, GraphApi.segment(id), Map.of("fields", "name"), credentials.get(ACCESS_TOKEN));
        return new ConnectedAccount(id, text(page.path("name")));
    }

    @Override
    public MetaWebhooks webhooks() {
        return webhooks;
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        return messengerWebhooks.customerEvents(request, this, FacebookConnector::customerComment);
    }

    private static @Nullable String customerComment(JsonNode change, String pageId) {
        var value = change.path("value");
        if (!"feed".equals(text(change.path("field")))
                || !"comment".equals(text(value.path("item")))
                || !"add".equals(text(value.path("verb")))
                || pageId.equals(text(value.path("from").path("id")))) {
            return null;
        }
        return text(value.path("comment_id"));
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var entry = webhooks.tree(delivery.payload());
        var messaging = entry.path("messaging").path(0);
        if (messaging.isObject()) {
            return privateMessage(delivery, webhooks.convert(messaging, Messaging.class));
        }
        var change = webhooks.convert(entry.path("changes").path(0).path("value"), FeedChange.class);
        var from = change.from();
        if (change.commentId() == null || from == null || from.id() == null) {
            throw new MalformedWebhook("A Page comment has a \"comment_id\" and a \"from\" with an id.");
        }
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                change.commentId(),
                new Author(from.id(), null, from.name(), null, null),
                change.message(),
                Visibility.PUBLIC,
                change.parentId() != null ? change.parentId() : change.postId(),
                MetaWebhooks.instant(change.createdTime()));
    }

    private InboundMessage privateMessage(InboundDelivery delivery, Messaging event) {
        var message = event.message();
        if (message == null
                || message.mid() == null
                || event.sender() == null
                || event.sender().id() == null) {
            throw new MalformedWebhook("A Messenger message has a \"mid\" and a \"sender\" with an id.");
        }
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                message.mid(),
                // Webhooks carry only the Page-scoped id; the name needs a User Profile API call.
                new Author(event.sender().id(), null, null, null, null),
                message.readable(),
                Visibility.PRIVATE,
                message.replyTo() == null ? null : message.replyTo().mid(),
                MetaWebhooks.instant(event.timestamp()));
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("A Facebook reply needs the Page it is sent from.");
        }
        var credentials = account.credentials();
        if (message.visibility() == Visibility.PRIVATE) {
            return messenger.sendPrivately(
                    message, credentials, GraphApi.segment(credentials.get(PAGE_ID)) + "/messages");
        }
        if (message.inReplyTo() == null || !MessengerPlatform.isCommentId(message.inReplyTo())) {
            throw SendFailed.refused("Heard answers comments on the Page; it does not publish new posts.");
        }
        return messenger.comment(GraphApi.segment(message.inReplyTo()) + "/comments", message.text(), credentials);
    }

    @Override
    public ComposerRules rules() {
        return messenger.rules(RULES, false);
    }

    @Override
    public ComposerRules rules(ChannelAccount account) {
        return messenger.rules(RULES, MessengerPlatform.humanAgentTagAllowed(account.credentials()));
    }

    @Override
    public Set<Moderation> moderations() {
        return MODERATIONS;
    }

    @Override
    public void moderate(ChannelAccount account, String externalId, Moderation action) throws SendFailed {
        messenger.moderate(externalId, action, account.credentials());
    }
}
