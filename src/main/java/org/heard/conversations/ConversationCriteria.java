package org.heard.conversations;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * Which conversations to find. Every part narrows the set; an empty or null part does not.
 *
 * @param tags tags a conversation must all have, lower-case
 * @param statuses the statuses it may be in; empty for any
 * @param channel the network it is on, or null for any
 * @param queue the queue it is in, or null for any
 * @param visibility public threads or private chats, or null for both
 */
public record ConversationCriteria(
        Set<String> tags,
        Set<ConversationStatus> statuses,
        @Nullable String channel,
        @Nullable String queue,
        @Nullable Visibility visibility) {

    /** The statuses of a conversation the team still works on. */
    public static final Set<ConversationStatus> UNRESOLVED =
            Set.copyOf(EnumSet.of(ConversationStatus.NEW, ConversationStatus.OPEN, ConversationStatus.PENDING));

    public ConversationCriteria {
        var cleanTags = new TreeSet<String>();
        for (var tag : tags == null ? Set.<String>of() : tags) {
            var clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!clean.isEmpty()) {
                cleanTags.add(clean);
            }
        }
        tags = Set.copyOf(cleanTags);
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
        channel = blankToNull(channel);
        queue = blankToNull(queue);
    }

    /** Unresolved conversations with all these tags. */
    public static ConversationCriteria unresolvedTagged(String... tags) {
        return new ConversationCriteria(Set.of(tags), UNRESOLVED, null, null, null);
    }

    /** The criteria as a person reads them: "tagged outage · unresolved · on sandbox · public". */
    public String describe() {
        var parts = new ArrayList<String>();
        if (!tags.isEmpty()) {
            parts.add("tagged " + String.join(" and ", new TreeSet<>(tags)));
        }
        parts.add(statusWords());
        if (channel != null) {
            parts.add("on " + channel);
        }
        if (queue != null) {
            parts.add("in queue " + queue);
        }
        if (visibility != null) {
            parts.add(visibility == Visibility.PUBLIC ? "public threads" : "private chats");
        }
        return String.join(" · ", parts);
    }

    private String statusWords() {
        if (statuses.isEmpty()) {
            return "any status";
        }
        if (statuses.equals(UNRESOLVED)) {
            return "unresolved";
        }
        return String.join(
                " or ",
                statuses.stream()
                        .sorted()
                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                        .toList());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() || value.equalsIgnoreCase("any")
                ? null
                : value.strip().toLowerCase(Locale.ROOT);
    }
}
