package org.heard.replies.broadcasts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The broadcasts table: starting one once per key, reading them back, and ending them. */
@Component
class BroadcastStore {

    private static final String COLUMNS = """
            id, text, audience, visibility, pace, state, started_by, started_at, ended_at, cancelled_by, total
            """;

    private final JdbcClient jdbc;

    BroadcastStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new broadcast, unless one with this key exists: then it returns empty. A second start with the same
     * key at the same moment waits for the first one's transaction and then finds its key taken.
     */
    Optional<Long> insert(BroadcastDraft draft, String audience, long userId, Instant at) {
        return jdbc.sql("""
                        insert into broadcasts (start_key, text, visibility, audience, pace, state, started_by,
                                                started_at, total)
                        values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, 0)
                        on conflict (start_key) do nothing
                        returning id
                        """)
                .params(
                        draft.key(),
                        draft.text(),
                        draft.visibility() == null ? null : draft.visibility().name(),
                        audience,
                        draft.pace() == null ? null : draft.pace().toString(),
                        userId,
                        Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    Optional<Long> idForKey(String key) {
        return jdbc.sql("select id from broadcasts where start_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
    }

    void total(long id, int total) {
        jdbc.sql("update broadcasts set total = ? where id = ?")
                .params(total, id)
                .update();
    }

    Optional<Broadcast> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from broadcasts where id = ?")
                .param(id)
                .query(BroadcastStore::broadcast)
                .optional();
    }

    /** The newest broadcasts first. */
    List<Broadcast> newest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from broadcasts order by id desc limit ?")
                .param(limit)
                .query(BroadcastStore::broadcast)
                .list();
    }

    /** Recipients by state, for one broadcast. */
    EnumMap<RecipientState, Integer> counts(long id) {
        var counts = new EnumMap<RecipientState, Integer>(RecipientState.class);
        jdbc.sql("select state, count(*) from broadcast_recipients where broadcast_id = ? group by state")
                .param(id)
                .query((rs, n) -> java.util.Map.entry(RecipientState.valueOf(rs.getString(1)), rs.getInt(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The broadcasts still running. */
    List<Long> running() {
        return jdbc.sql("select id from broadcasts where state = 'RUNNING' order by id")
                .query(Long.class)
                .list();
    }

    /** Marks a running broadcast finished once no recipient is pending; returns whether it did. */
    boolean finishIfDone(long id, Instant at) {
        return jdbc.sql("""
                        update broadcasts set state = 'FINISHED', ended_at = ?
                        where id = ? and state = 'RUNNING'
                          and not exists (select 1 from broadcast_recipients
                                          where broadcast_id = ? and state = 'PENDING')
                        """).params(Timestamp.from(at), id, id).update() > 0;
    }

    /** Stops a running broadcast; returns whether it was running. */
    boolean cancel(long id, long userId, Instant at) {
        return jdbc.sql("""
                        update broadcasts set state = 'CANCELLED', ended_at = ?, cancelled_by = ?
                        where id = ? and state = 'RUNNING'
                        """).params(Timestamp.from(at), userId, id).update() > 0;
    }

    private static Broadcast broadcast(ResultSet rs, int row) throws SQLException {
        var visibility = rs.getString("visibility");
        return new Broadcast(
                rs.getLong("id"),
                rs.getString("text"),
                rs.getString("audience"),
                visibility == null ? null : Visibility.valueOf(visibility),
                rs.getString("pace"),
                BroadcastState.valueOf(rs.getString("state")),
                rs.getLong("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("ended_at")),
                (Long) rs.getObject("cancelled_by"),
                rs.getInt("total"));
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
