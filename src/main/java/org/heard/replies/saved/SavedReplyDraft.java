package org.heard.replies.saved;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * What an agent writes to save a reply; it cannot exist without a title and a text.
 *
 * @param team whether it is for the whole team (supervisors only) or the agent's own
 */
public record SavedReplyDraft(
        String title,
        String text,
        @Nullable String channel,
        List<String> tags,
        @Nullable String shortcut,
        boolean team) {

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public SavedReplyDraft {
        if (title == null || title.isBlank()) {
            throw new Refused("Give the saved reply a title, so colleagues can find it.");
        }
        title = title.strip();
        if (title.length() > 120) {
            throw new Refused("Keep the title under 120 characters; it has " + title.length() + ".");
        }
        if (text == null || text.isBlank()) {
            throw new Refused("Write the saved reply's text.");
        }
        text = text.strip();
        if (text.length() > 5000) {
            throw new Refused("A saved reply has at most 5,000 characters; this has " + text.length() + ".");
        }
        channel = blankToNull(channel);
        tags = tags == null
                ? List.of()
                : tags.stream()
                        .map(t -> t.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT))
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList();
        shortcut = blankToNull(shortcut);
        if (shortcut != null) {
            shortcut = shortcut.replaceFirst("^/", "").toLowerCase(Locale.ROOT);
            if (!SHORTCUT.matcher(shortcut).matches()) {
                throw new Refused("A shortcut is one word of letters, digits, - or _ (such as"
                        + " refund-late), at most 40 characters.");
            }
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
