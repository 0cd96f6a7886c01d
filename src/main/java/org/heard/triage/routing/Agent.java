package org.heard.triage.routing;

import java.util.List;
import java.util.Locale;
import org.heard.platform.Refused;

/**
 * A colleague as routing sees them.
 *
 * @param capacity how many unresolved conversations they can hold at once
 * @param skills languages (ISO 639-1) and products they handle, lower-case
 */
public record Agent(long userId, int capacity, List<String> skills, Presence presence) {

    /** Whether an agent is there to take work. */
    public enum Presence {
        ONLINE,
        AWAY,
        OFFLINE
    }

    public Agent {
        if (capacity < 0 || capacity > 200) {
            throw new Refused("Capacity is how many open conversations someone can hold at once:"
                    + " between 0 and 200, not " + capacity + ".");
        }
        skills = skills.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (skills.stream().anyMatch(s -> s.length() > 60)) {
            throw new Refused("Keep each skill under 60 characters, like \"de\" or \"broadband\".");
        }
    }
}
