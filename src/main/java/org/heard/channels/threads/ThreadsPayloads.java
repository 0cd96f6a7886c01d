package org.heard.channels.threads;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Threads API's objects as Heard reads them, with the field names of Meta's documentation.
 *
 * @see <a href="https://developers.facebook.com/docs/threads/webhooks">Webhooks for Threads: notification formats</a>
 * @see <a href="https://developers.facebook.com/documentation/threads/reference/reply-management">Reply management:
 *     {@code /replies} and {@code /conversation}</a>
 * @see <a href="https://developers.facebook.com/documentation/threads/threads-mentions">Mentions</a>
 */
final class ThreadsPayloads {

    /** The fields Heard asks for on every reply and mention it reads. */
    static final String MEDIA_FIELDS = "id,text,username,timestamp,permalink,media_type,replied_to,root_post,is_reply,"
            + "is_reply_owned_by_me,hide_status,profile_picture_url";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private ThreadsPayloads() {}

    /**
     * One webhook notification: the {@code replies} field of the {@code moderate} topic or the {@code mentions} field
     * of the {@code interaction} topic; {@code target_id} is the media replied to, or the mentioned user.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Notification(
            @JsonProperty("app_id") @Nullable String appId,
            @Nullable String topic,
            @JsonProperty("target_id") @Nullable String targetId,
            @Nullable Long time,
            @JsonProperty("subscription_id") @Nullable String subscriptionId,
            @Nullable Values values) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Values(@Nullable Media value, @Nullable String field) {}

    /**
     * A Threads media object: a post, a reply or a mention. Threads gives no user id for its author, only the
     * {@code username}; {@code is_reply_owned_by_me} is answered by the API, not sent in webhooks.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(
            @Nullable String id,
            @Nullable String username,
            @Nullable String text,
            @JsonProperty("media_type") @Nullable String mediaType,
            @Nullable String permalink,
            @JsonProperty("replied_to") @Nullable Ref repliedTo,
            @JsonProperty("root_post") @Nullable RootPost rootPost,
            @Nullable String timestamp,
            @JsonProperty("is_reply") @Nullable Boolean isReply,
            @JsonProperty("is_reply_owned_by_me") @Nullable Boolean ownedByMe,
            @JsonProperty("hide_status") @Nullable String hideStatus,
            @JsonProperty("profile_picture_url") @Nullable String profilePictureUrl) {

        /** When it was published; null if Threads sent no time Heard can read. */
        @Nullable
        Instant publishedAt() {
            return instant(timestamp);
        }

        @Nullable
        String inReplyTo() {
            return repliedTo == null ? null : repliedTo.id();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(@Nullable String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RootPost(
            @Nullable String id,
            @JsonProperty("owner_id") @Nullable String ownerId,
            @Nullable String username) {}

    /** A page of a list endpoint: {@code data} and Graph-style {@code paging}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(@Nullable List<Media> data, @Nullable Paging paging) {

        List<Media> items() {
            return data == null ? List.of() : data;
        }

        /** The cursor of the next page, or null when this is the last. */
        @Nullable
        String after() {
            if (paging == null || paging.next() == null || paging.cursors() == null) {
                return null;
            }
            return paging.cursors().after();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Paging(@Nullable Cursors cursors, @Nullable String next) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cursors(@Nullable String before, @Nullable String after) {}

    /** Threads writes times as {@code 2024-08-07T10:33:16+0000} (ISO 8601 with a colon-less offset). */
    static @Nullable Instant instant(@Nullable String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return TIMESTAMP.parse(timestamp.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
