package org.heard;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.heard.platform.HeldInMemory;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every story starts on a clean slate: the database exactly as Heard's first start left it (the
 * migrations' settings, the first admin), with no conversation, user, rule, queue, account or
 * scheduled work of an earlier story, and the clock at the real time. What a node holds in memory
 * from the database ({@link HeldInMemory}) is forgotten, and test networks forget what they were sent
 * ({@link StoryScoped}). The shared application stays up, so a story costs its reset (tens of
 * milliseconds), not a start (seconds); docs/adr/0014-a-clean-slate-for-every-story.md says why.
 *
 * <p>The first story of an application copies every table into a seed schema beside Heard's. Each
 * story then waits briefly for the last one's acknowledged deliveries to be processed (so no half
 * handled delivery is cut off mid-way and logged as an error), locks every table against writers —
 * which waits for any transaction of Heard's still writing, so nothing of the earlier story commits
 * after it — empties them and copies the seed back, in one transaction. Ids keep counting up, so
 * nothing in memory that is keyed by an id (viewers, rate-limit buckets) can meet a later story's row
 * under the same id.
 */
public final class CleanSlate implements BeforeEachCallback {

    private static final Logger log = LoggerFactory.getLogger(CleanSlate.class);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final ExtensionContext.Namespace SEEDS = ExtensionContext.Namespace.create(CleanSlate.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        var application = SpringExtension.getApplicationContext(context);
        long started = System.nanoTime();
        var jdbc = JdbcClient.create(application.getBean(DataSource.class));
        var seed = context.getRoot().getStore(SEEDS).computeIfAbsent(application, app -> Seed.take(jdbc), Seed.class);
        restore(application, seed);
        // Marks where each story begins in the shared application's log.
        log.info(
                "{}.{} starts on a clean slate (restored in {} ms)",
                context.getRequiredTestClass().getSimpleName(),
                context.getRequiredTestMethod().getName(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void restore(ApplicationContext application, Seed seed) {
        var dataSource = application.getBean(DataSource.class);
        var jdbc = JdbcClient.create(dataSource);
        settle(jdbc);
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> seed.restore(jdbc));
                break;
            } catch (PessimisticLockingFailureException e) {
                // A worker of Heard's locked the tables in another order; PostgreSQL chose the reset to give way.
                if (attempt == 3) {
                    throw e;
                }
                log.warn("The clean slate gave way to Heard's own work ({}); trying again", e.getMessage());
            }
        }
        application.getBeansOfType(HeldInMemory.class).values().forEach(HeldInMemory::forget);
        application.getBeansOfType(StoryScoped.class).values().forEach(StoryScoped::forgetTheLastStory);
        application.getBeansOfType(MovableClock.class).values().forEach(MovableClock::reset);
    }

    /** Lets deliveries the last story's network made finish processing; ones that keep failing are not waited for. */
    private static void settle(JdbcClient jdbc) {
        try {
            Awaitility.await("the last story's deliveries processed")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() ->
                            jdbc.sql("select count(*) from inbound_events where processed_at is null and attempts = 0")
                                            .query(Long.class)
                                            .single()
                                    == 0);
        } catch (ConditionTimeoutException e) {
            log.warn(
                    "Deliveries of the last story were still unprocessed after {}; the next story starts anyway",
                    SETTLE);
        }
    }

    /**
     * Heard's tables (without generated columns, which the database computes), and the copy of what its first start
     * left in them.
     */
    record Seed(String schema, String copy, List<Table> tables, List<Table> seeded) {

        record Table(String name, String columns) {}

        /** Copies every table into the seed schema, or reads the copy an earlier application on this schema made. */
        static Seed take(JdbcClient jdbc) {
            var schema = jdbc.sql("select current_schema()").query(String.class).single();
            var copy = schema + "_seed";
            var tables = jdbc.sql("""
                            select t.table_name,
                                   string_agg(quote_ident(c.column_name), ', ' order by c.ordinal_position)
                            from information_schema.tables t
                            join information_schema.columns c
                              on c.table_schema = t.table_schema and c.table_name = t.table_name
                            where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                              and t.table_name <> 'flyway_schema_history' and c.is_generated = 'NEVER'
                            group by t.table_name order by t.table_name
                            """)
                    .query((rs, row) -> new Table(rs.getString(1), rs.getString(2)))
                    .list();
            boolean copied = jdbc.sql("select count(*) from pg_namespace where nspname = ?")
                            .param(copy)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!copied) {
                jdbc.sql("create schema " + q(copy)).update();
                for (var table : tables) {
                    jdbc.sql("create table %s.%s as select %s from %s.%s"
                                    .formatted(q(copy), q(table.name()), table.columns(), q(schema), q(table.name())))
                            .update();
                }
            }
            var seeded = tables.stream()
                    .filter(table -> jdbc.sql("select exists (select from %s.%s)".formatted(q(copy), q(table.name())))
                            .query(Boolean.class)
                            .single())
                    .toList();
            return new Seed(schema, copy, tables, seeded);
        }

        void restore(JdbcClient jdbc) {
            jdbc.sql("set local lock_timeout = '10s'").update();
            var all = String.join(
                    ", ",
                    tables.stream().map(t -> q(schema) + "." + q(t.name())).toList());
            // Waits for every transaction of Heard's still writing to them, and keeps new writers out until the seed
            // is back, so nothing of the last story commits after its slate was wiped.
            jdbc.sql("lock table " + all + " in exclusive mode").update();
            // Rows go and the seed's come back in any order: foreign keys are checked by triggers a replica skips.
            jdbc.sql("set local session_replication_role = replica").update();
            for (var table : tables) {
                jdbc.sql("delete from %s.%s".formatted(q(schema), q(table.name())))
                        .update();
            }
            for (var table : seeded) {
                jdbc.sql("insert into %s.%s (%s) overriding system value select %s from %s.%s"
                                .formatted(
                                        q(schema),
                                        q(table.name()),
                                        table.columns(),
                                        table.columns(),
                                        q(copy),
                                        q(table.name())))
                        .update();
            }
        }

        private static String q(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
    }
}
