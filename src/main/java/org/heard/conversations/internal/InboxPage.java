package org.heard.conversations.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the inbox list and the cursor for the next, if there is more. */
public record InboxPage(List<InboxRow> items, @Nullable String nextCursor) {}
