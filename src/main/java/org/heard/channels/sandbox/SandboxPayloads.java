package org.heard.channels.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox network's documented wire format (docs/channels/sandbox.md): a webhook carries the
 * brand account and a list of events, each a post.
 */
final class SandboxPayloads {

    private SandboxPayloads() {}

    record Webhook(String account, List<Event> events) {}

    record Event(String id, String type, Post post) {}

    record Post(
            String id,
            String text,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("in_reply_to") @Nullable String inReplyTo,
            @JsonProperty("private") @Nullable Boolean isPrivate,
            Person author) {

        /** A post that does not say it is private is public. */
        boolean privately() {
            return Boolean.TRUE.equals(isPrivate);
        }
    }

    record Person(
            String id,
            String handle,
            String name,
            @Nullable Long followers,
            @JsonProperty("avatar_url") @Nullable String avatarUrl) {}

    /** What the brand sends to the network's API to post a reply. */
    record BrandPost(
            String text,
            @JsonProperty("in_reply_to") @Nullable String inReplyTo,
            @JsonProperty("private") boolean isPrivate,
            @Nullable String recipient) {}

    record Created(String id) {}
}
