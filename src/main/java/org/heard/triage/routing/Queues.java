package org.heard.triage.routing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.heard.platform.HeldInMemory;
import org.heard.platform.Refused;
import org.heard.triage.routing.Queue.Mode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The team's queues, held in memory because every message is routed through them; reloaded when a
 * supervisor changes one here, and every half minute for changes made on another node.
 */
@Component
public class Queues implements HeldInMemory {

    private final JdbcClient jdbc;
    private static final long RELOAD_ON_MISS_NANOS = 5_000_000_000L;

    private final AtomicReference<List<Queue>> current = new AtomicReference<>();
    private final AtomicLong lastReloadOnMiss = new AtomicLong(System.nanoTime() - RELOAD_ON_MISS_NANOS);

    Queues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Queue> all() {
        var queues = current.get();
        return queues != null ? queues : reload();
    }

    /**
     * The queue with this key. A key this node has not seen yet (a queue made on another node a moment
     * ago) reloads the queues, at most once every few seconds.
     */
    public Optional<Queue> find(String key) {
        var found = all().stream().filter(q -> q.key().equals(key)).findFirst();
        var now = System.nanoTime();
        if (found.isEmpty() && now - lastReloadOnMiss.get() > RELOAD_ON_MISS_NANOS) {
            lastReloadOnMiss.set(now);
            found = reload().stream().filter(q -> q.key().equals(key)).findFirst();
        }
        return found;
    }

    /** Creates or changes a queue and its members. */
    @Transactional
    public Queue save(Queue queue) {
        jdbc.sql("""
                        insert into triage_queues (key, name, languages, mode, position) values (?, ?, ?, ?, ?)
                        on conflict (key) do update set name = excluded.name, languages = excluded.languages,
                            mode = excluded.mode, position = excluded.position
                        """)
                .params(
                        queue.key(),
                        queue.name(),
                        queue.languages().toArray(String[]::new),
                        queue.mode().name(),
                        queue.position())
                .update();
        jdbc.sql("delete from triage_queue_members where queue_key = ?")
                .param(queue.key())
                .update();
        for (long member : queue.members()) {
            jdbc.sql("insert into triage_queue_members (queue_key, user_id) values (?, ?)")
                    .params(queue.key(), member)
                    .update();
        }
        reloadAfterCommit();
        return queue;
    }

    /** Removes a queue; its conversations keep their queue name until routed again. The general queue stays. */
    @Transactional
    public void delete(String key) {
        if (key.equals("general")) {
            throw new Refused("The general queue catches everything no other queue takes; it cannot be deleted.");
        }
        if (jdbc.sql("delete from triage_queues where key = ?").param(key).update() == 0) {
            throw new QueueNotFound(key);
        }
        reloadAfterCommit();
    }

    @Override
    public void forget() {
        current.set(null);
    }

    private void reloadAfterCommit() {
        current.set(null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    current.set(null);
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    public List<Queue> reload() {
        var queues = jdbc.sql("""
                        select q.key, q.name, q.languages, q.mode, q.position,
                               coalesce(array_agg(m.user_id) filter (where m.user_id is not null), '{}') as members
                        from triage_queues q left join triage_queue_members m on m.queue_key = q.key
                        group by q.key order by q.position, q.key
                        """)
                .query((rs, row) -> new Queue(
                        rs.getString("key"),
                        rs.getString("name"),
                        List.of((String[]) rs.getArray("languages").getArray()),
                        Mode.valueOf(rs.getString("mode")),
                        rs.getInt("position"),
                        List.of((Long[]) rs.getArray("members").getArray())))
                .list();
        current.set(queues);
        return queues;
    }
}
