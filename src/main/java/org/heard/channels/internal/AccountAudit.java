package org.heard.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.heard.channels.internal.AccountStore.StoredAccount;
import org.heard.identity.Colleague;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who connected, changed, tested or disconnected which account, and what the network said. */
@Repository
class AccountAudit {

    enum Action {
        CONNECTED("connected"),
        CHANGED("changed the settings of"),
        TESTED("tested"),
        DISCONNECTED("disconnected");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** @param detail the network's answer to a test, when it refused */
    record Entry(
            long id,
            long accountId,
            String channel,
            String accountName,
            Action action,
            @Nullable String detail,
            String actorName,
            Instant at) {}

    private final JdbcClient jdbc;

    AccountAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(StoredAccount account, Action action, @Nullable String detail, Colleague actor) {
        jdbc.sql("""
                        insert into channel_account_audit (account_id, channel, account_name, action, detail, actor_id,
                            actor_name)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        account.id(),
                        account.channel(),
                        account.name(),
                        action.name(),
                        detail,
                        actor.id(),
                        actor.name())
                .update();
    }

    /** The newest first. */
    List<Entry> recent(int limit) {
        return jdbc.sql("""
                        select id, account_id, channel, account_name, action, detail, actor_name, at
                        from channel_account_audit order by id desc limit ?
                        """).param(Math.clamp(limit, 1, 500)).query(this::entry).list();
    }

    private Entry entry(ResultSet row, int n) throws SQLException {
        return new Entry(
                row.getLong("id"),
                row.getLong("account_id"),
                row.getString("channel"),
                row.getString("account_name"),
                Action.valueOf(row.getString("action")),
                row.getString("detail"),
                row.getString("actor_name"),
                row.getTimestamp("at").toInstant());
    }
}
