package org.heard.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job on one node at a time, for jobs that cannot claim their work row by row: the job
 * holds a PostgreSQL advisory lock named after it for its transaction, and a node that finds it taken
 * skips its turn. A node that dies mid-run loses its connection, and with it the lock.
 */
@Component
public class OnlyOneNode {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    OnlyOneNode(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Runs the job in a transaction unless another node runs it now; returns whether it ran. */
    public boolean run(String job, Runnable work) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))")
                    .param("heard:" + job)
                    .query(Boolean.class)
                    .single();
            if (mine) {
                work.run();
            }
            return mine;
        }));
    }
}
