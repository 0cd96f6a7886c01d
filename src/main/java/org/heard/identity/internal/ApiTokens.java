package org.heard.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.heard.identity.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for machines and scripts. A token is 32 random bytes shown once; only its SHA-256
 * is stored, so a copy of the database does not let anyone in.
 */
@Service
class ApiTokens {

    static final Duration LIFETIME = Duration.ofDays(30);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    ApiTokens(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Transactional
    public IssuedToken issue(SignedInUser user) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = "hrd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = Instant.now().plus(LIFETIME);
        jdbc.sql("insert into api_tokens (user_id, token_hash, expires_at) values (?, ?, ?)")
                .params(user.id(), hash(token), Timestamp.from(expiresAt))
                .update();
        return new IssuedToken(token, expiresAt);
    }

    @Transactional(readOnly = true)
    public Optional<SignedInUser> resolve(String token) {
        return jdbc.sql("select user_id from api_tokens where token_hash = ? and expires_at > now()")
                .param(hash(token))
                .query(Long.class)
                .optional()
                .flatMap(accounts::byId)
                .filter(User::enabled)
                .map(User::signedIn);
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    record IssuedToken(String token, Instant expiresAt) {}
}
