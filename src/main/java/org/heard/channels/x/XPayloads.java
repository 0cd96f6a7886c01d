package org.heard.channels.x;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * X's documented wire formats, field for field, as far as Heard reads them.
 *
 * <ul>
 *   <li>API v2 posts, users and pages: https://docs.x.com/x-api/posts/timelines/quickstart/user-mention-quickstart,
 *       https://docs.x.com/x-api/posts/search/integrate/paginate
 *   <li>API v2 Direct Message events: https://docs.x.com/x-api/direct-messages/lookup/integrate
 *   <li>Account Activity events (v1.1 post and Direct Message objects):
 *       https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/account-activity-data-objects,
 *       https://developer.x.com/en/docs/direct-messages/sending-and-receiving/guides/message-create-object
 *   <li>Creating posts and Direct Messages: https://docs.x.com/x-api/posts/create-or-edit-post,
 *       https://docs.x.com/x-api/direct-messages/manage/introduction
 *   <li>Errors: problems {@code {"title","detail","type","status"}}, alone or with {@code errors[]}, as
 *       in the responses of the pages above; 429 and rate-limit headers: https://docs.x.com/fundamentals/rate-limits
 * </ul>
 */
final class XPayloads {

    private XPayloads() {}

    /** One event as Heard records it from polling: the v2 object and the author it names. */
    record V2Event(V2Item data, @Nullable Includes includes) {}

    /** A post or a Direct Message event; {@code event_type} is set only on Direct Message events. */
    record V2Item(
            String id,
            @Nullable String text,
            @JsonProperty("event_type") @Nullable String eventType,
            @JsonProperty("author_id") @Nullable String authorId,
            @JsonProperty("sender_id") @Nullable String senderId,
            @JsonProperty("created_at") @Nullable Instant createdAt,
            @JsonProperty("conversation_id") @Nullable String conversationId,
            @JsonProperty("dm_conversation_id") @Nullable String dmConversationId,
            @JsonProperty("in_reply_to_user_id") @Nullable String inReplyToUserId,
            @JsonProperty("referenced_tweets") @Nullable List<Reference> referencedTweets,
            @JsonProperty("note_tweet") @Nullable NoteTweet noteTweet) {

        /** A post longer than 280 characters carries its whole text in {@code note_tweet}. */
        String fullText() {
            if (noteTweet != null && noteTweet.text() != null) {
                return noteTweet.text();
            }
            return text == null ? "" : text;
        }

        @Nullable
        String referenced(String type) {
            if (referencedTweets == null) {
                return null;
            }
            return referencedTweets.stream()
                    .filter(reference -> type.equals(reference.type()))
                    .map(Reference::id)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** {@code type} is {@code replied_to}, {@code quoted} or {@code retweeted}. */
    record Reference(String type, String id) {}

    record NoteTweet(@Nullable String text) {}

    record Includes(@Nullable List<V2User> users) {}

    record V2User(
            String id,
            @Nullable String name,
            @Nullable String username,
            @JsonProperty("profile_image_url") @Nullable String profileImageUrl,
            @JsonProperty("public_metrics") @Nullable Metrics publicMetrics) {}

    record Metrics(
            @JsonProperty("followers_count") @Nullable Long followersCount) {}

    /** One page of a v2 list endpoint. */
    record Meta(
            @JsonProperty("result_count") @Nullable Integer resultCount,
            @JsonProperty("newest_id") @Nullable String newestId,
            @JsonProperty("next_token") @Nullable String nextToken) {}

    /** An Account Activity webhook body as recorded for one event. */
    record Activity(
            @JsonProperty("for_user_id") String forUserId,
            @JsonProperty("tweet_create_events") @Nullable List<V1Tweet> tweetCreateEvents,
            @JsonProperty("direct_message_events") @Nullable List<V1DirectMessage> directMessageEvents,
            @Nullable Map<String, V1User> users) {}

    record V1Tweet(
            @JsonProperty("id_str") String idStr,
            @JsonProperty("created_at") @Nullable String createdAt,
            @Nullable String text,
            @Nullable Boolean truncated,
            @JsonProperty("extended_tweet") @Nullable ExtendedTweet extendedTweet,
            V1User user,

            @JsonProperty("in_reply_to_status_id_str") @Nullable
            String inReplyToStatusIdStr,

            @JsonProperty("quoted_status_id_str") @Nullable String quotedStatusIdStr) {

        /** Posts longer than 140 characters arrive truncated, their whole text in {@code extended_tweet}. */
        String fullText() {
            if (extendedTweet != null && extendedTweet.fullText() != null) {
                return extendedTweet.fullText();
            }
            return text == null ? "" : text;
        }
    }

    record ExtendedTweet(
            @JsonProperty("full_text") @Nullable String fullText) {}

    record V1User(
            @JsonProperty("id_str") @Nullable String idStr,
            @Nullable String id,
            @Nullable String name,
            @JsonProperty("screen_name") @Nullable String screenName,

            @JsonProperty("profile_image_url_https") @Nullable
            String profileImageUrlHttps,

            @JsonProperty("followers_count") @Nullable Long followersCount) {

        /** Tweet users carry {@code id_str}; the users of a Direct Message event carry {@code id} as text. */
        @Nullable
        String key() {
            return idStr != null ? idStr : id;
        }
    }

    record V1DirectMessage(
            String type,
            String id,
            @JsonProperty("created_timestamp") @Nullable String createdTimestamp,
            @JsonProperty("message_create") @Nullable MessageCreate messageCreate) {}

    record MessageCreate(
            @JsonProperty("sender_id") String senderId,
            @Nullable Target target,
            @JsonProperty("message_data") @Nullable MessageData messageData) {}

    record Target(@JsonProperty("recipient_id") @Nullable String recipientId) {}

    record MessageData(@Nullable String text) {}

    /** What Heard posts: a post, in a thread when it answers one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewPost(String text, @Nullable Reply reply) {}

    record Reply(@JsonProperty("in_reply_to_tweet_id") String inReplyToTweetId) {}

    record NewMessage(String text) {}

    record Created(@Nullable CreatedData data) {}

    /** {@code id} for a post; {@code dm_event_id} for a Direct Message. */
    record CreatedData(
            @Nullable String id,
            @JsonProperty("dm_event_id") @Nullable String dmEventId) {}

    record Me(@Nullable V2User data) {}

    /** X's problem shape, with or without the older {@code errors[]} list. */
    record Problem(
            @Nullable String title,
            @Nullable String detail,
            @Nullable String type,
            @Nullable Integer status,
            @Nullable List<ErrorItem> errors) {}

    record ErrorItem(@Nullable String message, @Nullable String detail) {}
}
