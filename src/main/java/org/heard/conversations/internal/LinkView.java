package org.heard.conversations.internal;

import java.time.Instant;

/** One link or unlink of a profile: which, from which contact to which, by whom and when. */
public record LinkView(
        long id,
        long identityId,
        String action,
        long fromContactId,
        long toContactId,
        long byUserId,
        String byName,
        Instant at) {}
