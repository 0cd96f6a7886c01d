package org.heard.channels.mastodon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of Mastodon's entities Heard reads, with the documentation's field names:
 * <a href="https://docs.joinmastodon.org/entities/Notification/">Notification</a>,
 * <a href="https://docs.joinmastodon.org/entities/Status/">Status</a>,
 * <a href="https://docs.joinmastodon.org/entities/Account/">Account</a>,
 * <a href="https://docs.joinmastodon.org/entities/Instance/">Instance</a> and
 * <a href="https://docs.joinmastodon.org/entities/Error/">Error</a>. Fields Heard has no use for are
 * left out; unknown fields are ignored.
 */
final class MastodonPayloads {

    private MastodonPayloads() {}

    /** One entry of {@code GET /api/v1/notifications}. */
    record Notification(
            String id,
            String type,
            @JsonProperty("created_at") @Nullable Instant createdAt,
            @Nullable Account account,
            @Nullable Status status) {}

    record Status(
            String id,
            @JsonProperty("created_at") @Nullable Instant createdAt,
            @JsonProperty("in_reply_to_id") @Nullable String inReplyToId,

            @JsonProperty("in_reply_to_account_id") @Nullable
            String inReplyToAccountId,

            @Nullable String visibility,
            @JsonProperty("spoiler_text") @Nullable String spoilerText,
            @Nullable String content,
            @Nullable String url,
            Account account,
            @Nullable List<Mention> mentions) {

        boolean direct() {
            return "direct".equals(visibility);
        }
    }

    record Account(
            String id,
            String username,
            String acct,
            @JsonProperty("display_name") @Nullable String displayName,
            @Nullable String avatar,
            @JsonProperty("followers_count") @Nullable Long followersCount) {}

    record Mention(
            String id,
            String username,
            String acct,
            @Nullable String url) {}

    /** {@code GET /api/v2/instance}, of which Heard reads the longest status the server takes. */
    record Instance(@Nullable String domain, @Nullable Configuration configuration) {

        @Nullable
        String streaming() {
            return configuration == null || configuration.urls() == null
                    ? null
                    : configuration.urls().streaming();
        }

        @Nullable
        Integer maxCharacters() {
            return configuration == null || configuration.statuses() == null
                    ? null
                    : configuration.statuses().maxCharacters();
        }
    }

    record Configuration(@Nullable Urls urls, @Nullable StatusLimits statuses) {}

    /** Where the server's streaming API answers, such as {@code wss://streaming.mastodon.social}. */
    record Urls(@Nullable String streaming) {}

    record StatusLimits(
            @JsonProperty("max_characters") @Nullable Integer maxCharacters) {}

    /** Mastodon's error body: {@code {"error": "The access token is invalid"}}. */
    record Error(
            @Nullable String error,
            @JsonProperty("error_description") @Nullable String errorDescription) {}
}
