package org.heard.conversations.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer's profile on one network. Followers are context only, never priority.
 *
 * @param linkedBy who linked it to its contact, when it came by a link
 */
public record ProfileView(
        long identityId,
        long contactId,
        String channel,
        @Nullable String handle,
        String name,
        @Nullable Long followers,
        @Nullable String linkedBy,
        @Nullable Instant linkedAt) {

    public boolean linked() {
        return linkedBy != null;
    }
}
