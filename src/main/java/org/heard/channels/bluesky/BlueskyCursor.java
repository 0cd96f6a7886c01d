package org.heard.channels.bluesky;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a Bluesky poll starts, kept by Heard as one text: the newest notification's {@code indexedAt}
 * and the chat log's newest rev, as {@code {"notifications": "…", "chat": "…"}}. A cursor written before
 * Heard read direct messages is the plain {@code indexedAt}; it is read as the notifications' part, and
 * the chat log then starts where it is now.
 */
record BlueskyCursor(
        @Nullable String notifications, @Nullable String chat) {

    static BlueskyCursor parse(@Nullable String cursor, JsonMapper json) {
        if (cursor == null || cursor.isBlank()) {
            return new BlueskyCursor(null, null);
        }
        if (!cursor.strip().startsWith("{")) {
            return new BlueskyCursor(cursor, null);
        }
        try {
            var read = json.readValue(cursor, BlueskyCursor.class);
            return read == null ? new BlueskyCursor(null, null) : read;
        } catch (JacksonException e) {
            return new BlueskyCursor(null, null);
        }
    }

    /** The notifications' part as a time, or null at first (or if it is not one). */
    @Nullable
    Instant since() {
        try {
            return notifications == null
                    ? null
                    : OffsetDateTime.parse(notifications).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    String write(JsonMapper json) {
        return json.writeValueAsString(this);
    }
}
