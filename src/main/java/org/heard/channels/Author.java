package org.heard.channels;

import org.jspecify.annotations.Nullable;

/**
 * Who wrote a message, as the network describes them. The follower count is context for the agent
 * and is never used to rank anyone.
 */
public record Author(
        String externalId,
        @Nullable String handle,
        String displayName,
        @Nullable String avatarUrl,
        @Nullable Long followers) {

    public Author {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("An author needs the network's id for them");
        }
        if (externalId.length() > 200) {
            throw new IllegalArgumentException("An author's id has at most 200 characters");
        }
        handle = clean(handle, 200);
        displayName = clean(displayName, 200);
        avatarUrl = clean(avatarUrl, 1000);
        if (displayName == null || displayName.isBlank()) {
            displayName = handle != null && !handle.isBlank() ? handle : externalId;
        }
    }

    /** Without NUL characters and cut to what Heard stores; names are shown, never matched. */
    private static @Nullable String clean(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        var text = value.replace("\u0000", "");
        return text.length() <= max ? text : text.substring(0, max);
    }
}
