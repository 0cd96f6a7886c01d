package org.heard.triage.hours;

import java.util.Arrays;

/** The three service-level clocks a conversation can have running. */
public enum ClockKind {
    FIRST_RESPONSE("first-response", "first response"),
    NEXT_RESPONSE("next-response", "next response"),
    RESOLUTION("resolution", "resolution");

    private final String key;
    private final String label;

    ClockKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** As stored and published: {@code first-response}, {@code next-response}, {@code resolution}. */
    public String key() {
        return key;
    }

    /** As a person reads it in the inbox: "first response". */
    public String label() {
        return label;
    }

    /** Whether a person's reply stops it. */
    public boolean response() {
        return this != RESOLUTION;
    }

    static ClockKind of(String key) {
        return Arrays.stream(values())
                .filter(kind -> kind.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service-level clock is called " + key + "."));
    }
}
