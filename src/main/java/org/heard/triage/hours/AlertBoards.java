package org.heard.triage.hours;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert board of each supervisor: which waiting conversations are close to or past a service level, by queue, and
 * which queues they muted for their shift.
 */
@Repository
@Transactional
class AlertBoards {

    /** How long a mute lasts: one shift. */
    static final Duration SHIFT = Duration.ofHours(8);

    private static final int MOST = 500;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Calendars calendars;

    AlertBoards(JdbcClient jdbc, Clock clock, Calendars calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendars = calendars;
    }

    /** The board as the given supervisor sees it now. */
    @Transactional(readOnly = true)
    AlertBoard of(long userId) {
        var now = clock.instant();
        var muted = new LinkedHashMap<String, Instant>();
        jdbc.sql("select queue_key, until from triage_alert_mutes where user_id = ? and until > ?")
                .params(userId, Timestamp.from(now))
                .query(rs -> {
                    muted.put(
                            rs.getString("queue_key"), rs.getTimestamp("until").toInstant());
                });
        var queues = new LinkedHashMap<String, List<AlertBoard.Alert>>();
        var names = new LinkedHashMap<String, String>();
        jdbc.sql("""
                        select k.conversation_id, k.kind, k.due_at, k.breached_at is not null as missed,
                               coalesce(c.queue, '') as queue_key, q.name as queue_name, ct.display_name as customer
                        from triage_service_level_clocks k
                        join conversations c on c.id = k.conversation_id
                        join contacts ct on ct.id = c.contact_id
                        left join triage_queues q on q.key = c.queue
                        where k.stopped_at is null and (k.warned_at is not null or k.breached_at is not null)
                          and c.status <> 'RESOLVED'
                        order by q.position nulls last, q.key nulls last, k.breached_at is null, k.due_at, k.id
                        limit ?
                        """).param(MOST).query(rs -> {
            var key = rs.getString("queue_key");
            names.putIfAbsent(key, queueName(key, rs.getString("queue_name")));
            queues.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(AlertBoard.Alert.of(
                            rs.getLong("conversation_id"),
                            rs.getString("customer"),
                            ClockKind.of(rs.getString("kind")),
                            rs.getTimestamp("due_at").toInstant(),
                            rs.getBoolean("missed"),
                            now));
        });
        var time = TIME.withZone(calendars.team().zone());
        var board = new ArrayList<AlertBoard.Queue>();
        for (Map.Entry<String, List<AlertBoard.Alert>> queue : queues.entrySet()) {
            var until = muted.get(queue.getKey());
            board.add(new AlertBoard.Queue(
                    queue.getKey(),
                    names.get(queue.getKey()),
                    queue.getValue(),
                    until,
                    until == null ? null : time.format(until)));
        }
        return AlertBoard.of(board);
    }

    /** Mutes a queue's alerts for this supervisor until the end of a shift from now; says when that is. */
    Instant mute(long userId, String queueKey) {
        var until = clock.instant().plus(SHIFT);
        jdbc.sql("""
                        insert into triage_alert_mutes (user_id, queue_key, until) values (?, ?, ?)
                        on conflict (user_id, queue_key) do update set until = excluded.until
                        """).params(userId, queueKey, Timestamp.from(until)).update();
        return until;
    }

    /** Lets a queue's alerts count again for this supervisor. */
    void unmute(long userId, String queueKey) {
        jdbc.sql("delete from triage_alert_mutes where user_id = ? and queue_key = ?")
                .params(userId, queueKey)
                .update();
    }

    /** Whether a queue of this key exists, or the key stands for conversations in no queue. */
    @Transactional(readOnly = true)
    boolean known(String queueKey) {
        return queueKey.isEmpty()
                || jdbc.sql("select count(*) from triage_queues where key = ?")
                                .param(queueKey)
                                .query(Integer.class)
                                .single()
                        > 0;
    }

    private static String queueName(String key, String name) {
        return name != null ? name : key.isEmpty() ? "No queue" : key;
    }
}
