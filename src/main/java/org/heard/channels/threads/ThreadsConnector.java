package org.heard.channels.threads;

import static org.heard.channels.meta.MetaWebhooks.ACCESS_TOKEN;
import static org.heard.channels.meta.MetaWebhooks.APP_SECRET;

import jakarta.annotation.PreDestroy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.heard.channels.AccountSetup;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.heard.channels.meta.MetaWebhookConnector;
import org.heard.channels.meta.MetaWebhooks;
import org.heard.channels.threads.ThreadsPayloads.Media;
import org.heard.channels.threads.ThreadsPayloads.Notification;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Threads, Meta's public conversations: replies to the brand's posts and posts that mention it, read from webhooks
 * (the {@code replies} and {@code mentions} fields, signed with {@code X-Hub-Signature-256}) where the app has them,
 * and by polling always, so an account works before Meta's App Review. Replies by the brand itself are left out.
 * Heard answers in the thread with a two-step publish ({@link ThreadsReplies}) and can hide or show a reply again.
 *
 * @see <a href="https://developers.facebook.com/docs/threads/webhooks">Webhooks for Threads</a>
 * @see <a href="https://developers.facebook.com/documentation/threads/reply-management">Reply management: hide
 *     replies</a>
 * @see <a href="https://developers.facebook.com/documentation/threads/threads-profiles">Profiles: {@code GET /me}</a>
 */
@Component
class ThreadsConnector implements MetaWebhookConnector {

    static final String CHANNEL = "threads";
    private static final Set<String> CUSTOMER_FIELDS = Set.of("replies", "mentions");
    /** Counted in code points; {@link ThreadsText} counts emoji as Threads does before sending. */
    private static final ComposerRules RULES = new ComposerRules(ThreadsText.MAX_LENGTH, false);

    private static final Logger log = LoggerFactory.getLogger(ThreadsConnector.class);

    private final JsonMapper json;
    private final HttpClient http;
    private final MetaWebhooks webhooks;
    private final ThreadsApi api;
    private final ThreadsPolling polling;
    private final ThreadsReplies replies;

    ThreadsConnector(
            JsonMapper json,
            Clock clock,
            @Value("${heard.channels.threads.api-url}") String url,
            @Value("${heard.channels.threads.api-version}") String version,
            @Value("${heard.channels.threads.poll-every:60s}") Duration pollEvery,
            @Value("${heard.channels.threads.recent-posts:10}") int recentPosts,
            @Value("${heard.channels.threads.first-poll-looks-back:24h}") Duration firstLook) {
        this.json = json;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.webhooks = new MetaWebhooks(json);
        this.api = new ThreadsApi(http, json, url, version);
        this.polling = new ThreadsPolling(api, json, clock, pollEvery, recentPosts, firstLook);
        this.replies = new ThreadsReplies(api);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return ThreadsApi.NETWORK;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.secret(
                        ACCESS_TOKEN,
                        "Threads access token",
                        "A long-lived Threads user token of the brand's profile with threads_basic,"
                                + " threads_content_publish, threads_read_replies, threads_manage_replies and"
                                + " threads_manage_mentions. It lasts 60 days."),
                CredentialField.secret(
                        APP_SECRET,
                        "Threads App Secret (for webhooks)",
                        "App settings > Basic > Threads App Secret; it signs every webhook. Without it Heard polls."));
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var token = setup.credentials().get(ACCESS_TOKEN);
        ThreadsApi.Answer me;
        try {
            me = api.get("me", Map.of("fields", "id,username,name"), token);
        } catch (SendFailed unreachable) {
            throw new ConnectionFailed(unreachable.getMessage());
        }
        var id = me.ok() ? me.text("id") : null;
        if (id == null) {
            throw new ConnectionFailed(
                    me.error() != null
                            ? "Threads refused the token: " + ThreadsApi.reason(me.error())
                            : "Threads answered " + me.status() + " without the profile Heard asked for.");
        }
        var username = me.text("username");
        return new ConnectedAccount(id, username == null ? me.text("name") : "@" + username);
    }

    @Override
    public MetaWebhooks webhooks() {
        return webhooks;
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        var account = request.requireAccount();
        var root = tree(request.bodyText(), "The body is not a Threads webhook");
        var values = root.path("values");
        if (!root.isObject() || !(values.isObject() || values.isArray())) {
            throw new MalformedWebhook("A Threads webhook is a JSON object with \"values\".");
        }
        var deliveries = new ArrayList<InboundDelivery>();
        for (var value : values.isArray() ? values.values() : List.of(values)) {
            var field = value.path("field").asString("");
            if (!CUSTOMER_FIELDS.contains(field)) {
                continue;
            }
            var media = media(value.path("value"));
            if (!addressedTo(account, field, root.path("target_id").asString(null), media)
                    || writtenBy(account, media)) {
                continue;
            }
            var payload = values.isArray()
                    ? json.writeValueAsString(((ObjectNode) root.deepCopy()).set("values", value))
                    : request.bodyText();
            deliveries.add(MetaWebhooks.checked(this, account.externalId(), media.id(), payload, "Threads event"));
        }
        return deliveries;
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var root = tree(delivery.payload(), "A recorded Threads event is not JSON");
        Instant sent = null;
        Media media;
        if (root.has("values")) {
            var notification = convert(root, Notification.class);
            media = notification.values() == null ? null : notification.values().value();
            sent = notification.time() == null ? null : Instant.ofEpochSecond(notification.time());
        } else {
            media = convert(root, Media.class);
        }
        if (media == null || media.id() == null || media.username() == null) {
            throw new MalformedWebhook("A Threads reply or mention has an \"id\" and a \"username\".");
        }
        var at = media.publishedAt();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                media.id(),
                new Author(media.username(), media.username(), media.username(), media.profilePictureUrl(), null),
                media.text(),
                Visibility.PUBLIC,
                media.inReplyTo(),
                at != null ? at : sent);
    }

    @Override
    public boolean polls() {
        return true;
    }

    @Override
    public Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        return polling.poll(account, cursor);
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("A Threads reply needs the account it is sent from.");
        }
        return replies.send(message, account);
    }

    /** Threads lets a brand hide replies to its posts; it has no API to like them. */
    @Override
    public java.util.Set<org.heard.channels.Moderation> moderations() {
        return java.util.EnumSet.of(org.heard.channels.Moderation.HIDE, org.heard.channels.Moderation.UNHIDE);
    }

    @Override
    public void moderate(ChannelAccount account, String externalId, org.heard.channels.Moderation action)
            throws SendFailed {
        switch (action) {
            case HIDE -> hide(externalId, true, account);
            case UNHIDE -> hide(externalId, false, account);
            default -> throw new UnsupportedOperationException("Threads does not let Heard " + action + " replies");
        }
    }

    /**
     * Hides a top-level reply to one of the account's posts, with every reply nested under it, or shows it again
     * ({@code POST /{reply-id}/manage_reply}). Replies nested deeper cannot be hidden on their own.
     */
    void hide(String replyId, boolean hidden, ChannelAccount account) throws SendFailed {
        var answer = api.post(
                ThreadsApi.segment(replyId) + "/manage_reply",
                Map.of("hide", Boolean.toString(hidden)),
                account.credentials().get(ACCESS_TOKEN));
        if (!answer.ok() || !answer.body().path("success").asBoolean(false)) {
            throw api.failure(hidden ? "hiding the reply" : "showing the reply again", answer);
        }
    }

    /** Sending again is harmless: the connector looks for its earlier reply before publishing. */
    @Override
    public boolean sendsOnce() {
        return true;
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }

    /** Whether the brand wrote it: Threads says so on what Heard reads, a webhook only names the username. */
    static boolean writtenBy(ChannelAccount account, Media media) {
        if (Boolean.TRUE.equals(media.ownedByMe())) {
            return true;
        }
        var brand = account.name().startsWith("@") ? account.name().substring(1) : account.name();
        return media.username() != null
                && brand.toLowerCase(Locale.ROOT).equals(media.username().toLowerCase(Locale.ROOT));
    }

    /**
     * Meta sends every profile that authorised the app to the app's one callback URL: a mention names the mentioned
     * profile in {@code target_id}, a reply the owner of the conversation's first post. Another profile's event is
     * left out, not refused, so Meta does not send it again.
     */
    private static boolean addressedTo(ChannelAccount account, String field, @Nullable String targetId, Media media) {
        var owner = "mentions".equals(field)
                ? targetId
                : media.rootPost() == null ? null : media.rootPost().ownerId();
        if (owner == null || owner.equals(account.externalId())) {
            return true;
        }
        log.warn(
                "Left out a Threads {} event for profile {} that reached the webhook of account {}.",
                field,
                owner,
                account.externalId());
        return false;
    }

    private Media media(JsonNode node) {
        var media = convert(node, Media.class);
        if (media.id() == null || media.id().isBlank()) {
            throw new MalformedWebhook("A Threads reply or mention has an \"id\".");
        }
        return media;
    }

    private JsonNode tree(String text, String problem) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedWebhook(problem + ": " + e.getOriginalMessage(), e);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new MalformedWebhook("A Threads event has an unexpected shape: " + e.getOriginalMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
