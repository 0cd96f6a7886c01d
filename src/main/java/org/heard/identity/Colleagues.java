package org.heard.identity;

import java.util.List;
import java.util.Optional;

/** Looks up the people of the care team. */
public interface Colleagues {

    Optional<Colleague> find(long id);

    /** Everyone who can currently sign in, by name. */
    List<Colleague> active();
}
