package org.heard.identity;

import org.jspecify.annotations.Nullable;

/**
 * A person of the care team as other modules see them: enough to show, to assign to and to sign their replies.
 *
 * @param signsAs how they sign replies where the team signs with a name, or null to sign with their name
 */
public record Colleague(
        long id,
        String name,
        String email,
        Role role,
        @Nullable String signsAs) {

    public Colleague(long id, String name, String email, Role role) {
        this(id, name, email, role, null);
    }

    /** The name their replies are signed with: the one they chose for signing, otherwise their own. */
    public String signingName() {
        return signsAs == null || signsAs.isBlank() ? name : signsAs;
    }
}
