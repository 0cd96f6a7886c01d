package org.heard.identity.internal;

import java.util.regex.Pattern;
import org.heard.identity.Role;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/** A person an admin is adding; a request that could not become a valid user is refused here. */
record NewUser(String email, String name, String password, Role role) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    static final int MIN_PASSWORD_LENGTH = 12;

    NewUser {
        if (email == null
                || email.trim().length() > 320
                || !EMAIL.matcher(email.trim()).matches()) {
            throw new Refused("Enter an email address such as ana@example.com.");
        }
        name(name);
        password(password);
        if (role == null) {
            throw new Refused("Choose a role: ADMIN, SUPERVISOR or AGENT.");
        }
    }

    /** A name as customers and colleagues will see it, trimmed; refused when empty or too long. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new Refused("Enter the person's name, as customers and colleagues will see it.");
        }
        if (name.trim().length() > 200) {
            throw new Refused("A name has at most 200 characters.");
        }
        return name.trim();
    }

    /** How a person signs replies: one line of at most 60 characters, or null (blank) to sign with their name. */
    static @Nullable String signsAs(@Nullable String signsAs) {
        if (signsAs == null || signsAs.isBlank()) {
            return null;
        }
        var line = signsAs.strip();
        if (line.length() > 60) {
            throw new Refused("A signature has at most 60 characters; customers read it at the end of every reply.");
        }
        if (line.contains("\n") || line.contains("\r")) {
            throw new Refused("Write the signature on one line.");
        }
        return line;
    }

    /** A password long enough to keep; refused otherwise. */
    static String password(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new Refused("Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        return password;
    }
}
