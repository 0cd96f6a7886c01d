package org.heard.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looks up the people of the care team. */
public interface Colleagues {

    Optional<Colleague> find(long id);

    /** Everyone who can currently sign in, by name. */
    List<Colleague> active();

    /** The names of everyone who can currently sign in, by id. */
    default Map<Long, String> names() {
        return active().stream().collect(Collectors.toMap(Colleague::id, Colleague::name, (a, b) -> a));
    }
}
