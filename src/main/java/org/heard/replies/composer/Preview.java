package org.heard.replies.composer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reply as the customer will read it, before the agent sends it.
 *
 * @param text the text as it would go out: variables filled in, signed
 * @param parts the same text in parts, each a variable still to fill in or not, to show the gaps
 * @param length its length, counted the channel's way, signature included
 * @param maxLength the most the channel takes
 * @param signature the signature added, or null when the team does not sign on this channel
 * @param variablesProblem what to fill in before sending, or null
 * @param personalDataProblem why the guard would refuse it, or null
 * @param privately whether the reply could go privately instead, when the guard would refuse it
 */
public record Preview(
        String text,
        List<Part> parts,
        int length,
        int maxLength,
        @Nullable String signature,
        @Nullable String variablesProblem,
        @Nullable String personalDataProblem,
        boolean privately) {

    public boolean over() {
        return length > maxLength;
    }

    public boolean blank() {
        return text.isBlank();
    }

    /** @param variable whether this part is a variable still written as {{name}} */
    public record Part(String text, boolean variable) {}
}
