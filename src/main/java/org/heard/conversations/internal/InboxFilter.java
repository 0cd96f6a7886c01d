package org.heard.conversations.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which conversations an inbox list shows.
 *
 * @param status {@code open} (anything not resolved), {@code new}, {@code pending}, {@code resolved} or {@code all}
 * @param assignee {@code mine}, {@code unassigned} or {@code any}
 * @param visibility {@code public}, {@code private} or {@code any}
 * @param channel a channel name, or {@code any}
 */
public record InboxFilter(String status, String assignee, String visibility, String channel) {

    public InboxFilter {
        status = choose(status, "open", "open", "new", "pending", "resolved", "all");
        assignee = choose(assignee, "any", "mine", "unassigned", "any");
        visibility = choose(visibility, "any", "public", "private", "any");
        channel = channel == null || channel.isBlank() ? "any" : channel.toLowerCase(Locale.ROOT);
    }

    public static InboxFilter defaults() {
        return new InboxFilter(null, null, null, null);
    }

    private static String choose(@Nullable String value, String fallback, String... allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        var lower = value.toLowerCase(Locale.ROOT);
        for (var option : allowed) {
            if (option.equals(lower)) {
                return lower;
            }
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not a filter Heard knows; use one of " + String.join(", ", allowed) + ".");
    }
}
