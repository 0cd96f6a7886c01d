package org.heard.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: a link an admin sends to a new colleague, who opens it and chooses their own password. It works once
 * and for {@link #LIFETIME}; a newer invitation for the same person replaces the older ones.
 */
@Service
class Invitations {

    static final Duration LIFETIME = Duration.ofDays(7);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Invitations(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A person who was invited, as their invitation page greets them. */
    record Invited(long userId, String name, String email) {}

    /** The one-time token of a new invitation, and until when it works. */
    record Issued(String token, Instant expiresAt) {}

    /** Invites the person; any earlier invitation of theirs stops working. */
    @Transactional
    Issued invite(long userId, long invitedBy) {
        accounts.byId(userId).orElseThrow(() -> new UserNotFound(userId));
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = clock.instant().plus(LIFETIME);
        jdbc.sql("delete from identity_invitations where user_id = ? and used_at is null")
                .param(userId)
                .update();
        jdbc.sql("insert into identity_invitations (token_hash, user_id, invited_by, expires_at) values (?, ?, ?, ?)")
                .params(ApiTokens.hash(token), userId, invitedBy, Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** Who the invitation is for, while it can still be used. */
    @Transactional(readOnly = true)
    Optional<Invited> open(String token) {
        return jdbc.sql("""
                        select user_id from identity_invitations
                        where token_hash = ? and used_at is null and expires_at > ?
                        """)
                .params(ApiTokens.hash(token), Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .flatMap(accounts::byId)
                .filter(User::enabled)
                .map(user -> new Invited(user.id(), user.displayName(), user.email()));
    }

    /**
     * The invited person chooses their password; the link is used up in the same transaction, so two tabs cannot
     * both set one. Empty when the link cannot be used (any more).
     */
    @Transactional
    Optional<Invited> accept(String token, String password) {
        var chosen = NewUser.password(password);
        var invited = open(token);
        if (invited.isEmpty()) {
            return invited;
        }
        var used = jdbc.sql("update identity_invitations set used_at = ? where token_hash = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), ApiTokens.hash(token))
                .update();
        if (used == 0) {
            return Optional.empty();
        }
        accounts.setPassword(invited.get().userId(), passwords.encode(chosen));
        return invited;
    }
}
