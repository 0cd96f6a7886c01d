package org.heard.channels.webchat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the widget sends and what Heard keeps of it; documented in docs/channels/webchat.md. */
final class WebChatPayloads {

    private WebChatPayloads() {}

    /** A visitor's message as the widget posts it; {@code id} is the widget's own, for safe retries. */
    record Posted(
            @Nullable String type,
            @Nullable String id,
            @Nullable String text,
            @Nullable String name,
            @Nullable String email) {

        /** Only messages reach the team; other kinds the widget may send later (typing) are left alone. */
        boolean isMessage() {
            return type == null || type.equals("message");
        }
    }

    /** The event kept in the inbound log: the posted message with the visitor it was verified for. */
    record Event(
            String visitor,
            String id,
            String text,
            @Nullable String name,
            @Nullable String email,
            @JsonProperty("sent_at") Instant sentAt) {}
}
