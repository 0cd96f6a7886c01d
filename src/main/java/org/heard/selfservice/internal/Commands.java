package org.heard.selfservice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.heard.platform.Refused;
import org.heard.triage.Escalations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The team's hashtag commands. A change applies to the next message. */
@Component
@Transactional
public class Commands {

    private final JdbcClient jdbc;
    private final Escalations escalations;
    private final Clock clock;

    Commands(JdbcClient jdbc, Escalations escalations, Clock clock) {
        this.jdbc = jdbc;
        this.escalations = escalations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Command> all() {
        return jdbc.sql("select * from selfservice_commands order by tag")
                .query(Commands::command)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Command> enabled() {
        return all().stream().filter(Command::enabled).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Command> find(String tag) {
        return jdbc.sql("select * from selfservice_commands where tag = ?")
                .param(tag)
                .query(Commands::command)
                .optional();
    }

    /**
     * Creates or changes a command.
     *
     * @throws Refused when its queue does not exist
     */
    public Command save(Command command) {
        if (command.queue() != null && !escalations.queues().contains(command.queue())) {
            throw new Refused("There is no queue " + command.queue() + "; choose one of " + escalations.queues()
                    + ", or none to leave cases where triage routes them.");
        }
        jdbc.sql("""
                        insert into selfservice_commands (tag, kind, answer, queue, priority, enabled, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tag) do update set kind = excluded.kind, answer = excluded.answer,
                            queue = excluded.queue, priority = excluded.priority, enabled = excluded.enabled,
                            updated_at = excluded.updated_at
                        """)
                .params(
                        command.tag(),
                        command.kind().name(),
                        command.answer(),
                        command.queue(),
                        command.priority(),
                        command.enabled(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        return command;
    }

    /** Removes a command; its figures stay. */
    public boolean remove(String tag) {
        return jdbc.sql("delete from selfservice_commands where tag = ?")
                        .param(tag)
                        .update()
                == 1;
    }

    private static Command command(ResultSet rs, int row) throws SQLException {
        return new Command(
                rs.getString("tag"),
                CommandKind.valueOf(rs.getString("kind")),
                rs.getString("answer"),
                rs.getString("queue"),
                (Integer) rs.getObject("priority"),
                rs.getBoolean("enabled"));
    }
}
