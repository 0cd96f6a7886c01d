package org.heard.conversations.web;

import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/** Whom an assignee field names, in a form or a request: a colleague's id, "me", or "none" for nobody. */
final class AssigneeField {

    private AssigneeField() {}

    static @Nullable Long read(String value, SignedInUser me) {
        return switch (value) {
            case "me" -> me.id();
            case "none" -> null;
            default -> {
                try {
                    yield Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new Refused("Assignee is a colleague's id, \"me\" or \"none\".");
                }
            }
        };
    }
}
