package org.heard.channels;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The secrets and settings that let Heard act for one account on a network: tokens, app secrets,
 * passwords. They are kept encrypted at rest and never printed: {@link #toString()} names the fields
 * and hides every value.
 */
public final class Credentials {

    private static final Credentials NONE = new Credentials(Map.of());

    private final Map<String, String> values;

    private Credentials(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Credentials of(Map<String, String> values) {
        var kept = new TreeMap<String, String>();
        values.forEach((name, value) -> {
            if (name != null && value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        });
        return new Credentials(kept);
    }

    public static Credentials none() {
        return NONE;
    }

    /** The value of a field the connector cannot work without. */
    public String get(String name) {
        var value = values.get(name);
        if (value == null) {
            throw new ConnectionFailed("The account has no " + name + "; enter it on the channel's settings page.");
        }
        return value;
    }

    public Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public @Nullable String getOrNull(String name) {
        return values.get(name);
    }

    /** Every value in plain text, for encryption and nothing else. */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Credentials" + values.keySet() + " (values hidden)";
    }
}
