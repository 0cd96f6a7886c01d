package org.heard.triage.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.heard.triage.routing.Agent.Presence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Agents' skills, capacity and presence. A colleague routing has never seen is offline with defaults. */
@Component
public class Agents {

    static final int DEFAULT_CAPACITY = 8;

    private final JdbcClient jdbc;
    private final Clock clock;

    Agents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Agent find(long userId) {
        return jdbc.sql("select * from triage_agents where user_id = ?")
                .param(userId)
                .query(Agents::agent)
                .optional()
                .orElse(new Agent(userId, DEFAULT_CAPACITY, List.of(), Presence.OFFLINE));
    }

    public List<Agent> all() {
        return jdbc.sql("select * from triage_agents order by user_id")
                .query(Agents::agent)
                .list();
    }

    /** The online agents among these colleagues. */
    List<Agent> online(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from triage_agents where presence = 'ONLINE' and user_id = any(?) order by user_id")
                .param(userIds.toArray(Long[]::new))
                .query(Agents::agent)
                .list();
    }

    public void save(Agent agent) {
        jdbc.sql("""
                        insert into triage_agents (user_id, capacity, skills, presence, presence_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (user_id) do update set capacity = excluded.capacity, skills = excluded.skills
                        """)
                .params(
                        agent.userId(),
                        agent.capacity(),
                        agent.skills().toArray(String[]::new),
                        agent.presence().name(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Records presence; returns what it was before. */
    Presence present(long userId, Presence presence) {
        var before = find(userId).presence();
        jdbc.sql("""
                        insert into triage_agents (user_id, capacity, presence, presence_at) values (?, ?, ?, ?)
                        on conflict (user_id) do update set presence = excluded.presence, presence_at = excluded.presence_at
                        """)
                .params(userId, DEFAULT_CAPACITY, presence.name(), Timestamp.from(clock.instant()))
                .update();
        return before;
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        return new Agent(
                rs.getLong("user_id"),
                rs.getInt("capacity"),
                List.of((String[]) rs.getArray("skills").getArray()),
                Presence.valueOf(rs.getString("presence")));
    }
}
