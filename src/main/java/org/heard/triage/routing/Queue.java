package org.heard.triage.routing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.heard.platform.Refused;

/**
 * A queue of work for part of the team.
 *
 * @param key stable lower-case name used in rules and filters ({@code billing})
 * @param languages messages in these languages (ISO 639-1) are routed here when no rule decides
 * @param mode {@code PUSH} hands conversations to its members; {@code PULL} lets them take the next one
 * @param members user ids of the colleagues who work it
 */
public record Queue(String key, String name, List<String> languages, Mode mode, int position, List<Long> members) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    /** Whether Heard assigns the queue's conversations or its members take them. */
    public enum Mode {
        PUSH,
        PULL
    }

    public Queue {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new Refused("A queue's key is lower-case letters, digits and dashes, like"
                    + " \"billing\" or \"tier-2\"; \"" + key + "\" is not.");
        }
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new Refused("Give the queue a name of 1 to 120 characters.");
        }
        languages = languages.stream()
                .map(l -> l.strip().toLowerCase(Locale.ROOT))
                .filter(l -> !l.isEmpty())
                .toList();
        for (var language : languages) {
            if (!language.matches("[a-z]{2}")) {
                throw new Refused("Languages are two-letter ISO 639-1 codes such as \"en\" or \"de\"; \"" + language
                        + "\" is not.");
            }
        }
        members = List.copyOf(members);
    }
}
