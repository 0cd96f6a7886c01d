package org.heard.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.heard.identity.Role;
import org.heard.platform.OnlyOneNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh Heard has someone who can sign in: the admin named by {@code HEARD_ADMIN_EMAIL}
 * and {@code HEARD_ADMIN_PASSWORD}, or else {@code admin@heard.local} with a random password that is
 * printed once. Nodes started together on a new database take turns, so only one of them creates it.
 */
@Component
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts accounts;
    private final OnlyOneNode onlyOneNode;
    private final String email;
    private final String password;

    FirstAdmin(
            UserAccounts accounts,
            OnlyOneNode onlyOneNode,
            @Value("${heard.admin.email:}") String email,
            @Value("${heard.admin.password:}") String password) {
        this.accounts = accounts;
        this.onlyOneNode = onlyOneNode;
        this.email = email;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void ensureAnAdminExists() {
        onlyOneNode.run("first-admin", this::createUnlessAnyoneExists);
    }

    private void createUnlessAnyoneExists() {
        if (accounts.count() > 0) {
            return;
        }
        var chosenEmail = email.isBlank() ? "admin@heard.local" : email;
        var chosenPassword = password.isBlank() ? randomPassword() : password;
        accounts.create(new NewUser(chosenEmail, nameFrom(chosenEmail), chosenPassword, Role.ADMIN));
        if (password.isBlank()) {
            log.warn(
                    "\n\n  Heard created its first admin. Sign in at /login as {} with the password {}\n"
                            + "  It is shown only this once; set HEARD_ADMIN_EMAIL and HEARD_ADMIN_PASSWORD to choose your own.\n",
                    chosenEmail,
                    chosenPassword);
        } else {
            log.info("Heard created its first admin, {}", chosenEmail);
        }
    }

    /** "ana.lopez@example.com" signs replies as "Ana Lopez" until they change it. */
    static String nameFrom(String email) {
        var local = email.substring(0, Math.max(0, email.indexOf('@')));
        var words = local.split("[._\\-+]+");
        var name = new StringBuilder();
        for (var word : words) {
            if (!word.isBlank()) {
                name.append(name.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.isEmpty() ? "Admin" : name.toString();
    }

    private static String randomPassword() {
        var bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
