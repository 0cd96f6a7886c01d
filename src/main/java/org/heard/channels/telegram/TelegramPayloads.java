package org.heard.channels.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of the Telegram Bot API that Heard reads and writes, with the field names of the Bot API
 * documentation (https://core.telegram.org/bots/api). Telegram adds fields often; every record ignores
 * the ones Heard does not use, and every field Telegram calls optional is a nullable box.
 */
final class TelegramPayloads {

    private TelegramPayloads() {}

    /**
     * One webhook delivery: https://core.telegram.org/bots/api#update. At most one of the optional
     * fields is present; Heard reads {@code message} and acknowledges every other kind.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Update(
            @JsonProperty("update_id") @Nullable Long updateId,
            @Nullable Message message) {}

    /** https://core.telegram.org/bots/api#message */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(
            @JsonProperty("message_id") @Nullable Long messageId,
            @Nullable User from,
            @JsonProperty("sender_chat") @Nullable Chat senderChat,
            @Nullable Long date,
            @Nullable Chat chat,
            @JsonProperty("reply_to_message") @Nullable Message replyToMessage,
            @Nullable String text,
            @Nullable List<MessageEntity> entities,
            @Nullable String caption,
            @JsonProperty("caption_entities") @Nullable List<MessageEntity> captionEntities,
            @Nullable List<Object> photo,
            @Nullable Object video,
            @Nullable Object animation,
            @Nullable Object document,
            @Nullable Object audio,
            @Nullable Object voice,
            @JsonProperty("video_note") @Nullable Object videoNote,
            @Nullable Sticker sticker,
            @Nullable Object location,
            @Nullable Object venue,
            @Nullable Object contact,
            @Nullable Object poll) {

        /** The text, or a photo's caption; a message with only media says which kind it is. */
        @Nullable
        String readableText() {
            if (text != null) {
                return text;
            }
            if (caption != null) {
                return caption;
            }
            var media = media();
            return media == null ? null : "[" + media + "]";
        }

        /** Where {@link #readableText()}'s entities are: a caption's entities for a caption. */
        List<MessageEntity> readableEntities() {
            var found = text != null ? entities : caption != null ? captionEntities : null;
            return found == null ? List.of() : found;
        }

        private @Nullable String media() {
            if (photo != null) return "photo";
            if (video != null) return "video";
            if (animation != null) return "animation";
            if (document != null) return "document";
            if (audio != null) return "audio";
            if (voice != null) return "voice message";
            if (videoNote != null) return "video message";
            if (sticker != null) return sticker.emoji() == null ? "sticker" : "sticker " + sticker.emoji();
            if (venue != null) return "venue";
            if (location != null) return "location";
            if (contact != null) return "contact";
            if (poll != null) return "poll";
            return null;
        }
    }

    /**
     * https://core.telegram.org/bots/api#chat — {@code type} is "private", "group", "supergroup" or
     * "channel".
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chat(
            @Nullable Long id,
            @Nullable String type,
            @Nullable String title,
            @Nullable String username) {}

    /** https://core.telegram.org/bots/api#user */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(
            @Nullable Long id,
            @JsonProperty("is_bot") @Nullable Boolean isBot,
            @JsonProperty("first_name") @Nullable String firstName,
            @JsonProperty("last_name") @Nullable String lastName,
            @Nullable String username) {

        String fullName() {
            var first = firstName == null ? "" : firstName;
            return lastName == null || lastName.isBlank() ? first : (first + " " + lastName).strip();
        }
    }

    /**
     * https://core.telegram.org/bots/api#messageentity — offset and length count UTF-16 code units, as
     * Java strings do.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageEntity(
            @Nullable String type,
            @Nullable Integer offset,
            @Nullable Integer length,
            @Nullable User user) {

        /** The entity's text inside {@code text}, or null if Telegram's offsets do not fit it. */
        @Nullable
        String in(String text) {
            if (offset == null || length == null || offset < 0 || length < 0 || offset + length > text.length()) {
                return null;
            }
            return text.substring(offset, offset + length);
        }
    }

    /** https://core.telegram.org/bots/api#sticker — only the emoji it stands for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sticker(@Nullable String emoji) {}

    /**
     * Every Bot API answer: https://core.telegram.org/bots/api#making-requests. {@code error_code} and
     * {@code description} explain a failure; {@code parameters} may say how long to wait.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer<T>(
            @Nullable Boolean ok,
            @Nullable T result,
            @JsonProperty("error_code") @Nullable Integer errorCode,
            @Nullable String description,
            @Nullable ResponseParameters parameters) {}

    /** https://core.telegram.org/bots/api#responseparameters */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResponseParameters(
            @JsonProperty("retry_after") @Nullable Long retryAfter,
            @JsonProperty("migrate_to_chat_id") @Nullable Long migrateToChatId) {}

    /** https://core.telegram.org/bots/api#setwebhook */
    record SetWebhook(
            String url,
            @JsonProperty("secret_token") String secretToken,
            @JsonProperty("allowed_updates") List<String> allowedUpdates) {}

    /** https://core.telegram.org/bots/api#sendmessage — plain text, no parse_mode, so nothing is parsed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendMessage(
            @JsonProperty("chat_id") long chatId,
            String text,
            @JsonProperty("reply_parameters") @Nullable ReplyParameters replyParameters) {}

    /**
     * https://core.telegram.org/bots/api#replyparameters — a reply still goes out, unthreaded, if the
     * customer deleted the message it answers.
     */
    record ReplyParameters(
            @JsonProperty("message_id") long messageId,
            @JsonProperty("allow_sending_without_reply") boolean allowSendingWithoutReply) {}
}
