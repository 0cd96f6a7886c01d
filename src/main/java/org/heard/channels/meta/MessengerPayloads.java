package org.heard.channels.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Messenger Platform's wire format, which Facebook Pages and Instagram professional accounts share: an entry's
 * {@code messaging} events, the Page's {@code feed} and Instagram's {@code comments} changes, and the Send API.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messages">
 *     messages webhook event</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/message-echoes">
 *     message_echoes webhook event</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed">Page feed webhook</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/reference/instagram">Instagram comments
 *     webhook</a>
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/reference/send-api">Send API</a>
 */
final class MessengerPayloads {

    private MessengerPayloads() {}

    /** One {@code entry.messaging[]} event. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Messaging(
            @Nullable Party sender,
            @Nullable Party recipient,
            @Nullable Long timestamp,
            @Nullable Message message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Party(@Nullable String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(
            @Nullable String mid,
            @Nullable String text,
            @JsonProperty("is_echo") @Nullable Boolean echo,
            @JsonProperty("is_deleted") @Nullable Boolean deleted,
            @JsonProperty("reply_to") @Nullable ReplyTo replyTo,
            @Nullable List<Attachment> attachments) {

        /** The text, or the kinds of attachment sent without one. */
        String readable() {
            if (text != null && !text.isBlank()) {
                return text;
            }
            if (attachments == null || attachments.isEmpty()) {
                return "[message]";
            }
            return attachments.stream()
                    .map(a -> "[" + (a.type() == null ? "attachment" : a.type()) + "]")
                    .reduce((a, b) -> a + " " + b)
                    .orElse("[attachment]");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReplyTo(@Nullable String mid, @Nullable Story story) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Story(@Nullable String id, @Nullable String url) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attachment(@Nullable String type) {}

    /** The {@code value} of a Page {@code feed} change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FeedChange(
            @Nullable From from,
            @Nullable String item,
            @Nullable String verb,
            @Nullable String message,
            @JsonProperty("post_id") @Nullable String postId,
            @JsonProperty("comment_id") @Nullable String commentId,
            @JsonProperty("parent_id") @Nullable String parentId,
            @JsonProperty("created_time") @Nullable Long createdTime) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record From(
            @Nullable String id,
            @Nullable String name,
            @Nullable String username) {}

    /** The {@code value} of an Instagram {@code comments} or {@code live_comments} change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstagramComment(
            @Nullable String id,
            @Nullable String text,
            @Nullable From from,
            @Nullable Media media,
            @JsonProperty("parent_id") @Nullable String parentId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(
            @Nullable String id,
            @JsonProperty("media_product_type") @Nullable String productType) {}

    /**
     * A Send API request: to a person ({@code recipient.id}) or, as a private reply, to the author of a comment
     * ({@code recipient.comment_id}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Send(
            Recipient recipient,
            @JsonProperty("messaging_type") String messagingType,
            @Nullable String tag,
            OutboundText message) {

        static Send response(Recipient recipient, String text) {
            return new Send(recipient, "RESPONSE", null, new OutboundText(text));
        }

        /** Outside the 24-hour window, within 7 days, for a person answering: Meta's Human Agent tag. */
        static Send humanAgent(Recipient recipient, String text) {
            return new Send(recipient, "MESSAGE_TAG", "HUMAN_AGENT", new OutboundText(text));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recipient(
            @Nullable String id,
            @JsonProperty("comment_id") @Nullable String commentId) {

        static Recipient person(String id) {
            return new Recipient(id, null);
        }

        static Recipient commentAuthor(String commentId) {
            return new Recipient(null, commentId);
        }
    }

    record OutboundText(String text) {}

    /** A public reply in a comment thread: {@code POST /<COMMENT_ID>/comments} or {@code /replies}. */
    record CommentReply(String message) {}
}
