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
import org.heard.channels.meta.MessengerPayloads.InstagramComment;
import org.heard.channels.meta.MessengerPayloads.Messaging;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Instagram professional account linked to a Facebook Page (the Instagram API with Facebook Login): direct
 * messages arrive as {@code messaging} events of the {@code messages} field, comments on the account's media in the
 * {@code comments} and {@code live_comments} fields. Comments are answered in their thread ({@code POST
 * /<COMMENT_ID>/replies}), messages and private replies to comments through the Page's Send API.
 *
 * @see <a href="https://developers.facebook.com/documentation/instagram-platform/webhooks/examples">Instagram webhook
 *     examples</a>
 * @see <a href="https://developers.facebook.com/docs/instagram-platform/comment-moderation">Comment moderation</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/instagram-messaging/features/send-message">
 *     Instagram Messaging: send a message</a>
 */
@Component
class InstagramConnector implements MetaWebhookConnector {

    static final String CHANNEL = "instagram";
    static final String ACCOUNT_ID = "instagram_account_id";
    private static final String NETWORK = "Instagram";
    private static final Set<String> COMMENT_FIELDS = Set.of("comments", "live_comments");
    /** Instagram takes 1000 characters in a direct message; comments take more, so the smaller limit holds. */
    private static final ComposerRules RULES = new ComposerRules(1000, true);

    /**
     * Comments are hidden with {@code POST /<IG_COMMENT_ID>?hide=true}; the Instagram API has no way to like a
     * comment, so liking is not offered.
     *
     * @see <a href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment">
     *     IG Comment</a>
     */
    private static final Set<Moderation> MODERATIONS = Set.of(Moderation.HIDE, Moderation.UNHIDE);

    private final MetaWebhooks webhooks;
    private final GraphApi graph;
    private final MessengerPlatform messenger;
    private final MessengerWebhooks messengerWebhooks;

    InstagramConnector(JsonMapper json, GraphApi graph) {
        this.webhooks = new MetaWebhooks(json);
        this.graph = graph;
        this.messenger = new MessengerPlatform(graph, NETWORK, MODERATIONS, "hide");
        this.messengerWebhooks = new MessengerWebhooks(webhooks, "instagram", NETWORK);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return NETWORK;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.plain(
                        ACCOUNT_ID,
                        "Instagram account ID",
                        "The Instagram professional account's id: GET /<PAGE_ID>?fields=instagram_business_account."),
                CredentialField.secret(
                        ACCESS_TOKEN,
                        "Page access token",
                        "A token of the Page linked to the account, with instagram_manage_messages and"
                                + " instagram_manage_comments."),
                MetaWebhooks.APP_SECRET_FIELD,
                MessengerPlatform.HUMAN_AGENT_TAG_FIELD);
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var credentials = setup.credentials();
        var id = credentials.get(ACCOUNT_ID);
        credentials.get(APP_SECRET);
        var user = graph.read(
                NETWORK, GraphApi.segment(id), Map.of("fields", "username,name"), credentials.get(ACCESS_TOKEN));
        var username = text(user.path("username"));
        return new ConnectedAccount(id, username == null ? text(user.path("name")) : "@" + username);
    }

    @Override
    public MetaWebhooks webhooks() {
        return webhooks;
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        return messengerWebhooks.customerEvents(request, this, InstagramConnector::customerComment);
    }

    private static @Nullable String customerComment(JsonNode change, String accountId) {
        var value = change.path("value");
        if (!COMMENT_FIELDS.contains(text(change.path("field")))
                || accountId.equals(text(value.path("from").path("id")))) {
            return null;
        }
        return text(value.path("id"));
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var entry = webhooks.tree(delivery.payload());
        var messaging = entry.path("messaging").path(0);
        if (messaging.isObject()) {
            return directMessage(delivery, webhooks.convert(messaging, Messaging.class));
        }
        var comment = webhooks.convert(entry.path("changes").path(0).path("value"), InstagramComment.class);
        var from = comment.from();
        if (comment.id() == null || from == null || from.id() == null) {
            throw new MalformedWebhook("An Instagram comment has an \"id\" and a \"from\" with an id.");
        }
        var answered = comment.parentId() != null
                ? comment.parentId()
                : comment.media() == null ? null : comment.media().id();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                comment.id(),
                new Author(from.id(), from.username(), null, null, null),
                comment.text(),
                Visibility.PUBLIC,
                answered,
                MetaWebhooks.instant(entry.path("time").asLong(0)));
    }

    private InboundMessage directMessage(InboundDelivery delivery, Messaging event) {
        var message = event.message();
        if (message == null
                || message.mid() == null
                || event.sender() == null
                || event.sender().id() == null) {
            throw new MalformedWebhook("An Instagram message has a \"mid\" and a \"sender\" with an id.");
        }
        var replyTo = message.replyTo();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                message.mid(),
                new Author(event.sender().id(), null, null, null, null),
                message.readable(),
                Visibility.PRIVATE,
                replyTo == null ? null : replyTo.mid() != null ? replyTo.mid() : storyId(replyTo),
                MetaWebhooks.instant(event.timestamp()));
    }

    private static @Nullable String storyId(MessengerPayloads.ReplyTo replyTo) {
        return replyTo.story() == null ? null : replyTo.story().id();
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("An Instagram reply needs the account it is sent from.");
        }
        var credentials = account.credentials();
        if (message.visibility() == Visibility.PRIVATE) {
            // With the linked Page's token, "me" is that Page: the Send API of the Instagram API with Facebook Login.
            return messenger.sendPrivately(message, credentials, "me/messages");
        }
        if (message.inReplyTo() == null || !MessengerPlatform.isCommentId(message.inReplyTo())) {
            throw SendFailed.refused("Heard answers comments on Instagram; it does not publish new posts.");
        }
        return messenger.comment(GraphApi.segment(message.inReplyTo()) + "/replies", message.text(), credentials);
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
