package org.heard.channels.x;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an account's next poll starts, kept by Heard as a small JSON text: the newest post id seen in
 * mentions and in search ({@code since_id}), the newest Direct Message event id (the DM endpoint has no
 * {@code since_id}, so Heard pages back until it meets it), and how much of the month's read budget the
 * account has used.
 */
record XCursor(
        @Nullable String mentions,
        @Nullable String search,
        @Nullable String messages,
        String month,
        long read,
        long polls) {

    static XCursor from(JsonMapper json, @Nullable String text, YearMonth now) {
        if (text == null || text.isBlank()) {
            return new XCursor(null, null, null, now.toString(), 0, 0);
        }
        try {
            var cursor = json.readValue(text, XCursor.class);
            return cursor.month() == null || !cursor.month().equals(now.toString())
                    ? new XCursor(cursor.mentions(), cursor.search(), cursor.messages(), now.toString(), 0, 0)
                    : cursor;
        } catch (JacksonException e) {
            // A cursor Heard cannot read starts afresh rather than stopping the account's polls.
            return new XCursor(null, null, null, now.toString(), 0, 0);
        }
    }

    String write(JsonMapper json) {
        return json.writeValueAsString(this);
    }

    /** X's ids are decimal snowflakes that grow with time: longer is newer, then compare digits. */
    static boolean newer(String id, @Nullable String than) {
        if (than == null) {
            return true;
        }
        return id.length() != than.length() ? id.length() > than.length() : id.compareTo(than) > 0;
    }
}
