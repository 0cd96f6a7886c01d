package org.heard.replies.broadcasts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationCriteria;
import org.heard.conversations.ConversationStatus;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Which conversations a broadcast goes to, as a form or a JSON body gives it.
 *
 * @param tags tags a conversation must all have
 * @param status {@code unresolved} (the default), {@code new}, {@code open}, {@code pending}, {@code resolved} or
 *     {@code any}
 * @param channel a network, or empty for any
 * @param queue a queue's key, or empty for any
 * @param visibility {@code public} threads, {@code private} chats, or empty for both
 */
public record Audience(
        @Nullable List<String> tags,
        @Nullable String status,
        @Nullable String channel,
        @Nullable String queue,
        @Nullable String visibility) {

    /** The audience from a form, whose tags are one field of words separated by commas or spaces. */
    static Audience fromForm(
            @Nullable String tags,
            @Nullable String status,
            @Nullable String channel,
            @Nullable String queue,
            @Nullable String visibility) {
        var words = tags == null
                ? List.<String>of()
                : Arrays.stream(tags.split("[,\\s]+")).filter(w -> !w.isBlank()).toList();
        return new Audience(words, status, channel, queue, visibility);
    }

    public ConversationCriteria criteria() {
        return new ConversationCriteria(
                tags == null
                        ? Set.of()
                        : Set.copyOf(tags.stream().filter(t -> t != null).toList()),
                statuses(),
                channel,
                queue,
                visibility(visibility, "Show public threads, private chats or any."));
    }

    /** The tags as one form field. */
    public String tagsText() {
        return tags == null ? "" : String.join(", ", tags);
    }

    /** The chosen status as the form's select names it. */
    public String statusChoice() {
        return status == null || status.isBlank()
                ? "unresolved"
                : status.strip().toLowerCase(Locale.ROOT);
    }

    private Set<ConversationStatus> statuses() {
        return switch (statusChoice()) {
            case "unresolved" -> ConversationCriteria.UNRESOLVED;
            case "any", "all" -> Set.of();
            default -> {
                try {
                    yield EnumSet.of(ConversationStatus.valueOf(statusChoice().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new Refused(
                            "'" + status + "' is not a status; use unresolved, new, open, pending, resolved or any.");
                }
            }
        };
    }

    /** Reads public or private; empty or {@code any} is null. */
    static @Nullable Visibility visibility(@Nullable String value, String problem) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("any") || value.equalsIgnoreCase("own")) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> Visibility.PUBLIC;
            case "private" -> Visibility.PRIVATE;
            default -> throw new Refused("'" + value + "' is not a visibility. " + problem);
        };
    }
}
