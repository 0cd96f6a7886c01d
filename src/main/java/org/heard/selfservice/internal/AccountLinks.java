package org.heard.selfservice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links and the accounts customers connect with them. A link's token is 160 random bits; only its
 * SHA-256 is stored. It works once, until it expires, and gives up after a few wrong tries. A connected account
 * belongs to the one profile that proved it, never to the person's other profiles.
 */
@Component
class AccountLinks {

    /** Wrong account details a link takes before it stops working. */
    static final int MAX_ATTEMPTS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link still waiting to be used: what it connects and the answer owed once it does. */
    record PendingLink(long conversationId, long identityId, String tag, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;

    AccountLinks(JdbcClient jdbc, Clock clock, @Value("${heard.selfservice.link-lifetime:30m}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** A new link for this profile to connect its account, answering this command afterwards. */
    String issue(long conversationId, long identityId, String tag) {
        var bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        jdbc.sql("""
                        insert into selfservice_link_tokens
                            (token_hash, conversation_id, identity_id, tag, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        hash(token),
                        conversationId,
                        identityId,
                        tag,
                        Timestamp.from(now),
                        Timestamp.from(now.plus(lifetime)))
                .update();
        return token;
    }

    /** The link if it can still be used: not used, not expired, not worn out by wrong tries. */
    Optional<PendingLink> pending(String token) {
        return jdbc.sql("""
                        select conversation_id, identity_id, tag, expires_at from selfservice_link_tokens
                        where token_hash = ? and used_at is null and expires_at > ?
                        """)
                .params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, row) -> new PendingLink(
                        rs.getLong("conversation_id"),
                        rs.getLong("identity_id"),
                        rs.getString("tag"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** The command a link was issued for, used or not, so a dead link can say what to post for a new one. */
    Optional<String> tagOf(String token) {
        return jdbc.sql("select tag from selfservice_link_tokens where token_hash = ?")
                .param(hash(token))
                .query(String.class)
                .optional();
    }

    /**
     * Uses the link up, once: of two requests at the same moment, one wins.
     *
     * @return the link, or empty when it was used, expired or never existed
     */
    Optional<PendingLink> consume(String token) {
        return jdbc.sql("""
                        update selfservice_link_tokens set used_at = ?
                        where token_hash = ? and used_at is null and expires_at > ?
                        returning conversation_id, identity_id, tag, expires_at
                        """)
                .params(Timestamp.from(clock.instant()), hash(token), Timestamp.from(clock.instant()))
                .query((rs, row) -> new PendingLink(
                        rs.getLong("conversation_id"),
                        rs.getLong("identity_id"),
                        rs.getString("tag"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /**
     * Counts a wrong try; the last one allowed uses the link up.
     *
     * @return the tries left
     */
    int failedAttempt(String token) {
        return jdbc.sql("""
                        update selfservice_link_tokens set failed_attempts = failed_attempts + 1,
                            used_at = case when failed_attempts + 1 >= ? then cast(? as timestamptz) end
                        where token_hash = ? and used_at is null
                        returning failed_attempts
                        """)
                .params(MAX_ATTEMPTS, Timestamp.from(clock.instant()), hash(token))
                .query(Integer.class)
                .optional()
                .map(tries -> Math.max(0, MAX_ATTEMPTS - tries))
                .orElse(0);
    }

    /** The account this profile connected, if it did. */
    Optional<String> accountOf(long identityId) {
        return jdbc.sql("select customer_ref from selfservice_account_links where identity_id = ?")
                .param(identityId)
                .query(String.class)
                .optional();
    }

    /** Connects the profile to the account; a profile that connects again replaces its account. */
    void link(long identityId, String customerRef) {
        jdbc.sql("""
                        insert into selfservice_account_links (identity_id, customer_ref, linked_at) values (?, ?, ?)
                        on conflict (identity_id) do update set customer_ref = excluded.customer_ref,
                            linked_at = excluded.linked_at
                        """)
                .params(identityId, customerRef, Timestamp.from(clock.instant()))
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
