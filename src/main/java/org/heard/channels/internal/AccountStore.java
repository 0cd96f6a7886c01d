package org.heard.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.heard.channels.AccountStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The connected accounts as stored: credentials stay sealed here, {@link CredentialsCipher} opens them. */
@Repository
class AccountStore {

    private static final String COLUMNS = """
            id, channel, key, external_id, name, credentials, verify_token, status, status_detail, poll_cursor,
            next_poll_at, connected_at, updated_at""";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An account as its row reads.
     *
     * @param credentials the sealed credentials, as {@link CredentialsCipher#seal} wrote them
     */
    record StoredAccount(
            long id,
            String channel,
            String key,
            String externalId,
            String name,
            byte[] credentials,
            @Nullable String verifyToken,
            AccountStatus status,
            @Nullable String statusDetail,
            @Nullable String pollCursor,
            Instant nextPollAt,
            Instant connectedAt,
            Instant updatedAt) {

        @Override
        public String toString() {
            return "StoredAccount[" + id + " " + channel + "/" + externalId + " " + status + "]";
        }
    }

    /** A connection the network accepted, to be stored as a new account or over the same one. */
    record Connection(
            String channel, String key, String externalId, String name, byte[] credentials, String verifyToken) {}

    List<StoredAccount> all() {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts order by channel, lower(name), id")
                .query(this::row)
                .list();
    }

    /** The channels with an account: every one ever connected, or only those not disconnected. */
    Set<String> channels(boolean inUseOnly) {
        return Set.copyOf(jdbc.sql("select distinct channel from channel_accounts"
                        + (inUseOnly ? " where status <> 'DISCONNECTED'" : ""))
                .query(String.class)
                .list());
    }

    Optional<StoredAccount> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    Optional<StoredAccount> byKey(String channel, String key) {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts where channel = ? and key = ?")
                .params(channel, key)
                .query(this::row)
                .optional();
    }

    Optional<StoredAccount> byExternalId(String channel, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts where channel = ? and external_id = ?")
                .params(channel, externalId)
                .query(this::row)
                .optional();
    }

    /**
     * Stores an accepted connection. The same network account connected again keeps its row (and its
     * history) and takes the new key, token and credentials, because the network was just told them.
     */
    StoredAccount connect(Connection connection) {
        return jdbc.sql("""
                        insert into channel_accounts (channel, key, external_id, name, credentials, verify_token)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict on constraint channel_accounts_network_id do update set
                            key = excluded.key, name = excluded.name, credentials = excluded.credentials,
                            verify_token = excluded.verify_token, status = 'CONNECTED', status_detail = null,
                            next_poll_at = now(), connected_at = now(), updated_at = now()
                        returning\s""" + COLUMNS)
                .params(
                        connection.channel(),
                        connection.key(),
                        connection.externalId(),
                        connection.name(),
                        connection.credentials(),
                        connection.verifyToken())
                .query(this::row)
                .single();
    }

    /** The network accepted the account's credentials again (a test, or new values for a secret). */
    StoredAccount confirm(long id, String name, byte[] credentials) {
        return jdbc.sql("""
                        update channel_accounts set name = ?, credentials = ?, status = 'CONNECTED',
                            status_detail = null, next_poll_at = now(), updated_at = now()
                        where id = ? returning\s""" + COLUMNS)
                .params(name, credentials, id)
                .query(this::row)
                .single();
    }

    /** Marks a connected account failing with the network's reason; a disconnected one stays so. */
    void markFailing(long id, String reason) {
        jdbc.sql("""
                        update channel_accounts set status = 'FAILING', status_detail = ?, updated_at = now()
                        where id = ? and status <> 'DISCONNECTED'
                        """).params(reason, id).update();
    }

    StoredAccount disconnect(long id) {
        return jdbc.sql("""
                        update channel_accounts set status = 'DISCONNECTED', status_detail = null, updated_at = now()
                        where id = ? returning\s""" + COLUMNS).param(id).query(this::row).single();
    }

    void reseal(long id, byte[] credentials) {
        jdbc.sql("update channel_accounts set credentials = ? where id = ?")
                .params(credentials, id)
                .update();
    }

    /**
     * Takes connected accounts whose poll is due. The claim moves their next poll past the lease, so a
     * node that dies mid-poll leaves the account to another after it; {@code SKIP LOCKED} lets several
     * nodes claim at once without polling one account twice.
     */
    @Transactional
    List<StoredAccount> claimDuePolls(String[] channels, int limit, Duration lease) {
        return jdbc.sql("""
                        update channel_accounts set next_poll_at = now() + make_interval(secs => ?)
                        where id in (
                            select id from channel_accounts
                            where status = 'CONNECTED' and next_poll_at <= now() and channel = any(?)
                            order by next_poll_at, id limit ? for update skip locked)
                        returning\s""" + COLUMNS)
                .params(lease.toSeconds(), channels, limit)
                .query(this::row)
                .list();
    }

    /** After a poll: where the next one starts, and when. */
    void polled(long id, @Nullable String cursor, Instant next) {
        jdbc.sql("update channel_accounts set poll_cursor = ?, next_poll_at = ? where id = ?")
                .params(cursor, Timestamp.from(next), id)
                .update();
    }

    void pollAgainAt(long id, Instant next) {
        jdbc.sql("update channel_accounts set next_poll_at = ? where id = ?")
                .params(Timestamp.from(next), id)
                .update();
    }

    private StoredAccount row(ResultSet row, int n) throws SQLException {
        return new StoredAccount(
                row.getLong("id"),
                row.getString("channel"),
                row.getString("key"),
                row.getString("external_id"),
                row.getString("name"),
                row.getBytes("credentials"),
                row.getString("verify_token"),
                AccountStatus.valueOf(row.getString("status")),
                row.getString("status_detail"),
                row.getString("poll_cursor"),
                row.getTimestamp("next_poll_at").toInstant(),
                row.getTimestamp("connected_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
