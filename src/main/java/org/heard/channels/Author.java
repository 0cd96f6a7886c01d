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
        if (displayName == null || displayName.isBlank()) {
            displayName = handle != null && !handle.isBlank() ? handle : externalId;
        }
    }
}
