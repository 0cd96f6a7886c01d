package org.heard.replies.composer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an agent signs a reply on a channel: nothing, initials the way X care teams do ({@code ^AB}), or a line with
 * their first or full name, as an email or a Facebook reply reads well.
 */
public enum SignatureStyle {
    NONE("No signature"),
    INITIALS("Initials: ^AB"),
    FIRST_NAME("First name: — Ana"),
    FULL_NAME("Full name: — Ana Berg");

    private final String label;

    SignatureStyle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The signature itself, as it is added to the end of a reply, for this agent. */
    public String signature(String agentName) {
        var words = agentName.strip().split("\\s+");
        return switch (this) {
            case NONE -> "";
            case INITIALS ->
                " ^"
                        + Arrays.stream(words)
                                .filter(w -> !w.isEmpty())
                                .limit(3)
                                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT))
                                .collect(Collectors.joining());
            case FIRST_NAME -> "\n— " + words[0];
            case FULL_NAME -> "\n— " + agentName.strip();
        };
    }

    /** The text signed, once: a text that already ends with the signature is left as it is. */
    public String sign(String text, String agentName) {
        var signature = signature(agentName);
        if (signature.isEmpty() || text.strip().endsWith(signature.strip())) {
            return text;
        }
        return text.stripTrailing() + signature;
    }
}
