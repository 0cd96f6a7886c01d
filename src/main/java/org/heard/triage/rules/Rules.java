package org.heard.triage.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The saved rules, in the order they run. */
@Repository
class Rules {

    private static final String COLUMNS =
            "id, position, name, enabled, stop, conditions::text as conditions, actions::text as actions, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Rules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Rule> all() {
        return jdbc.sql("select " + COLUMNS + " from triage_rules order by position, id")
                .query(this::rule)
                .list();
    }

    Optional<Rule> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_rules where id = ?")
                .param(id)
                .query(this::rule)
                .optional();
    }

    /** Saves a new rule at the end of the order. */
    Rule add(RuleDraft draft) {
        long id = jdbc.sql("""
                        insert into triage_rules (name, position, enabled, stop, conditions, actions)
                        values (?, (select coalesce(max(position) + 1, 0) from triage_rules), ?, ?,
                                cast(? as jsonb), cast(? as jsonb))
                        returning id
                        """)
                .params(draft.name(), draft.enabled(), draft.stop(), write(draft.conditions()), write(draft.actions()))
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    Rule change(long id, RuleDraft draft) {
        jdbc.sql("""
                        update triage_rules set name = ?, enabled = ?, stop = ?, conditions = cast(? as jsonb),
                        actions = cast(? as jsonb), updated_at = now() where id = ?
                        """)
                .params(
                        draft.name(),
                        draft.enabled(),
                        draft.stop(),
                        write(draft.conditions()),
                        write(draft.actions()),
                        id)
                .update();
        return find(id).orElseThrow();
    }

    void delete(long id) {
        jdbc.sql("delete from triage_rules where id = ?").param(id).update();
    }

    /** Puts the rules in the given order; the list names every rule once. */
    void order(List<Long> ids) {
        for (int position = 0; position < ids.size(); position++) {
            jdbc.sql("update triage_rules set position = ? where id = ?")
                    .params(position, ids.get(position))
                    .update();
        }
    }

    /** The queues a rule may route to or test for, by key, with their names, in the team's order. */
    Map<String, String> queues() {
        var queues = new LinkedHashMap<String, String>();
        jdbc.sql("select key, name from triage_queues order by position, name")
                .query((row, n) -> queues.put(row.getString("key"), row.getString("name")))
                .list();
        return queues;
    }

    /**
     * Holds other changes to the rules until this transaction ends, so that two supervisors saving at
     * once cannot interleave an order with a new rule's place.
     */
    void lock() {
        jdbc.sql("lock table triage_rules in share row exclusive mode").update();
    }

    private Rule rule(ResultSet row, int n) throws SQLException {
        return new Rule(
                row.getLong("id"),
                row.getInt("position"),
                row.getString("name"),
                row.getBoolean("enabled"),
                row.getBoolean("stop"),
                json.readValue(row.getString("conditions"), RuleConditions.class),
                json.readValue(row.getString("actions"), RuleActions.class),
                row.getTimestamp("updated_at").toInstant());
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }
}
