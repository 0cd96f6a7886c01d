package org.heard.triage.hours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every service-level clock that ran, and the ones still running. */
@Repository
@Transactional
class ServiceLevelClocks {

    private static final String COLUMNS =
            "id, conversation_id, kind, started_at, due_at, warn_at, warned_at, breached_at";

    private final JdbcClient jdbc;

    ServiceLevelClocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ServiceLevelClock> running(long conversationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from triage_service_level_clocks where conversation_id = ? and stopped_at is null"
                        + " order by due_at")
                .param(conversationId)
                .query(ServiceLevelClocks::clock)
                .list();
    }

    /** Starts a clock unless one of its kind already runs (another node may have just started it). */
    void start(long conversationId, ClockKind kind, ServiceLevelPolicy policy, Instant start, Deadline deadline) {
        jdbc.sql("""
                        insert into triage_service_level_clocks
                            (conversation_id, kind, policy_id, business_hours, started_at, due_at, warn_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (conversation_id, kind) where stopped_at is null do nothing
                        """)
                .params(
                        conversationId,
                        kind.key(),
                        policy.id(),
                        policy.businessHours(),
                        Timestamp.from(start),
                        Timestamp.from(deadline.due()),
                        deadline.warnAt() == null ? null : Timestamp.from(deadline.warnAt()))
                .update();
    }

    /** Stops the running clocks of the given kinds; says how many stopped. */
    int stop(long conversationId, List<ClockKind> kinds, Instant at, String because) {
        return jdbc.sql("""
                        update triage_service_level_clocks set stopped_at = ?, stopped_by = ?
                        where conversation_id = ? and stopped_at is null and kind = any(?::text[])
                        """)
                .params(
                        Timestamp.from(at),
                        because,
                        conversationId,
                        kinds.stream().map(ClockKind::key).toArray(String[]::new))
                .update();
    }

    /**
     * Running clocks whose warning or breach is due, locked for this transaction. Rows another node
     * holds are skipped, so each fires on one node only.
     */
    List<ServiceLevelClock> lockDue(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from triage_service_level_clocks
                        where stopped_at is null and breached_at is null
                          and (due_at <= ? or (warned_at is null and warn_at <= ?))
                        order by due_at
                        limit ?
                        for update skip locked
                        """)
                .params(Timestamp.from(now), Timestamp.from(now), limit)
                .query(ServiceLevelClocks::clock)
                .list();
    }

    void warned(long id, Instant at) {
        jdbc.sql("update triage_service_level_clocks set warned_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void breached(long id, Instant at) {
        jdbc.sql("update triage_service_level_clocks set breached_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    /** Warnings and breaches since an instant, newest first. */
    @Transactional(readOnly = true)
    List<ServiceLevelClock> alertedSince(Instant since, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from triage_service_level_clocks
                        where warned_at >= ? or breached_at >= ?
                        order by greatest(warned_at, breached_at) desc
                        limit ?
                        """)
                .params(Timestamp.from(since), Timestamp.from(since), limit)
                .query(ServiceLevelClocks::clock)
                .list();
    }

    /** The running response clocks that started before {@code startedBefore}: customers waiting for a person. */
    @Transactional(readOnly = true)
    List<ServiceLevelClock> waitingSince(Instant startedBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from triage_service_level_clocks
                        where stopped_at is null and kind in ('first-response', 'next-response') and started_at <= ?
                        order by started_at
                        limit ?
                        """)
                .params(Timestamp.from(startedBefore), limit)
                .query(ServiceLevelClocks::clock)
                .list();
    }

    Optional<ServiceLevelClock> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_service_level_clocks where id = ?")
                .param(id)
                .query(ServiceLevelClocks::clock)
                .optional();
    }

    private static ServiceLevelClock clock(ResultSet rs, int row) throws SQLException {
        return new ServiceLevelClock(
                rs.getLong("id"),
                rs.getLong("conversation_id"),
                ClockKind.of(rs.getString("kind")),
                instant(rs, "started_at"),
                instant(rs, "due_at"),
                instant(rs, "warn_at"),
                instant(rs, "warned_at"),
                instant(rs, "breached_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
