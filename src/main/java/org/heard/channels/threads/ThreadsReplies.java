package org.heard.channels.threads;

import java.time.Duration;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.meta.MetaWebhooks;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a reply in two steps, as Threads asks: a text container answering the post ({@code POST /{user-id}/threads}
 * with {@code media_type=TEXT}, {@code text}, {@code reply_to_id}), then {@code POST /{user-id}/threads_publish} with
 * its {@code creation_id}.
 *
 * <p>Sent once, whatever fails: a container is published at most once, so when the publish call's answer is lost
 * (a timeout, a 5xx, a proxy's page) Heard asks the container's {@code status}; {@code PUBLISHED} means the reply is
 * out. A crash between the two steps leaves a container nobody publishes; Threads lets it expire after 24 hours. A
 * crash after publishing, before Heard recorded the reply as sent, is caught on the next attempt: before creating a
 * container Heard looks among the post's replies for one of the account's own ({@code is_reply_owned_by_me}) with
 * the same text and takes its id instead of posting again.
 *
 * @see <a href="https://developers.facebook.com/documentation/threads/posts">Threads posts: the two publishing steps
 *     and the 500-character limit</a>
 * @see <a href="https://developers.facebook.com/documentation/threads/troubleshooting">Troubleshooting: a container's
 *     status</a>
 * @see <a href="https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies">Replies: the 1,000
 *     replies per 24 hours and {@code threads_publishing_limit}</a>
 */
final class ThreadsReplies {

    /** How long Heard waits once the account's 1,000 replies in 24 hours are used: the window moves, no end is given. */
    static final Duration QUOTA_WAIT = Duration.ofHours(1);

    private final ThreadsApi api;

    ThreadsReplies(ThreadsApi api) {
        this.api = api;
    }

    String send(OutboundMessage message, ChannelAccount account) throws SendFailed {
        if (message.visibility() == Visibility.PRIVATE) {
            throw SendFailed.refused("Threads has no private messages through its API; answer in the thread.");
        }
        var post = message.inReplyTo();
        if (post == null || post.isBlank()) {
            throw SendFailed.refused("Heard answers replies and mentions on Threads; it does not publish new posts.");
        }
        int length = ThreadsText.length(message.text());
        if (length > ThreadsText.MAX_LENGTH) {
            throw SendFailed.refused("A Threads reply has at most 500 characters, each emoji counted as its UTF-8"
                    + " bytes; this one has " + length + ".");
        }
        var token = account.credentials().get(MetaWebhooks.ACCESS_TOKEN);
        var user = ThreadsApi.segment(account.externalId());

        var earlier = earlierReply(post, message.text(), token);
        if (earlier != null) {
            return earlier;
        }
        var container = api.post(
                user + "/threads", Map.of("media_type", "TEXT", "text", message.text(), "reply_to_id", post), token);
        var creationId = container.ok() ? container.text("id") : null;
        if (creationId == null) {
            throw api.failure("the reply", container);
        }
        ThreadsApi.Answer published;
        try {
            published = api.post(user + "/threads_publish", Map.of("creation_id", creationId), token);
        } catch (SendFailed unclear) {
            var id = publishedAfterAll(creationId, post, message.text(), token);
            if (id != null) {
                return id;
            }
            throw unclear;
        }
        var id = published.ok() ? published.text("id") : null;
        if (id != null) {
            return id;
        }
        var failure = api.failure("the reply", published);
        if (!failure.retryable() && quotaUsedUp(user, token)) {
            throw SendFailed.later(
                    "The account has published its 1,000 Threads replies of the last 24 hours: " + failure.getMessage(),
                    QUOTA_WAIT);
        }
        if (failure.retryable() && published.error() == null) {
            var after = publishedAfterAll(creationId, post, message.text(), token);
            if (after != null) {
                return after;
            }
        }
        throw failure;
    }

    /**
     * The account's own reply to {@code post} with this text, if an earlier attempt published it. A lookup Threads
     * refuses for good (a post since deleted, a missing permission) leaves the decision to the publishing steps.
     */
    private @Nullable String earlierReply(String post, String text, String token) throws SendFailed {
        var replies = api.get(
                ThreadsApi.segment(post) + "/replies",
                Map.of("fields", "id,text,is_reply_owned_by_me", "reverse", "true"),
                token);
        if (!replies.ok()) {
            var failure = api.failure("the look for an earlier reply", replies);
            if (failure.retryable()) {
                throw failure;
            }
            return null;
        }
        for (var reply : replies.body().path("data").values()) {
            if (reply.path("is_reply_owned_by_me").asBoolean(false)
                    && text.strip().equals(reply.path("text").asString("").strip())
                    && reply.path("id").isString()) {
                return reply.path("id").stringValue();
            }
        }
        return null;
    }

    /** When the publish call's answer was lost: the reply's id if the container was published after all. */
    private @Nullable String publishedAfterAll(String creationId, String post, String text, String token)
            throws SendFailed {
        var status = api.get(ThreadsApi.segment(creationId), Map.of("fields", "status,error_message"), token);
        if (status.ok() && "PUBLISHED".equals(status.text("status"))) {
            return earlierReply(post, text, token);
        }
        return null;
    }

    private boolean quotaUsedUp(String user, String token) {
        try {
            var limit = api.get(
                    user + "/threads_publishing_limit", Map.of("fields", "reply_quota_usage,reply_config"), token);
            var usage = limit.ok() ? limit.body().path("data").path(0) : null;
            if (usage == null || !usage.path("reply_quota_usage").isNumber()) {
                return false;
            }
            int total = usage.path("reply_config").path("quota_total").asInt(1000);
            return usage.path("reply_quota_usage").asInt() >= total;
        } catch (SendFailed unknown) {
            return false;
        }
    }
}
