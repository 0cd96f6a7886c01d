package org.heard.triage.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.heard.identity.Colleague;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who changed which rule, when, and how it read before and after: the trail a supervisor checks. */
@Repository
class RuleAudit {

    /**
     * One change to the rules.
     *
     * @param ruleId the rule changed, or {@code null} for a change of the order
     * @param before the rule (or the order) before, or {@code null} when it was created
     * @param after the rule (or the order) after, or {@code null} when it was deleted
     */
    record Entry(
            long id,
            @Nullable Long ruleId,
            @Nullable String ruleName,
            RuleChange change,
            long actorId,
            String actorName,
            Instant at,
            @Nullable JsonNode before,
            @Nullable JsonNode after) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RuleAudit(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(
            RuleChange change,
            @Nullable Long ruleId,
            @Nullable String ruleName,
            @Nullable Object before,
            @Nullable Object after,
            Colleague actor) {
        jdbc.sql("""
                        insert into triage_rule_audit (rule_id, rule_name, change, actor_id, actor_name, before, after)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                        """)
                .params(ruleId, ruleName, change.name(), actor.id(), actor.name(), write(before), write(after))
                .update();
    }

    /** The newest changes first. */
    List<Entry> recent(int limit) {
        return jdbc.sql("""
                        select id, rule_id, rule_name, change, actor_id, actor_name, at,
                               before::text as before, after::text as after
                        from triage_rule_audit order by id desc limit ?
                        """).param(Math.clamp(limit, 1, 500)).query(this::entry).list();
    }

    /** Grows with every change to the rules, so an unchanged number means unchanged rules. */
    long version() {
        return jdbc.sql("select coalesce(max(id), 0) from triage_rule_audit")
                .query(Long.class)
                .single();
    }

    private Entry entry(ResultSet row, int n) throws SQLException {
        return new Entry(
                row.getLong("id"),
                row.getObject("rule_id", Long.class),
                row.getString("rule_name"),
                RuleChange.valueOf(row.getString("change")),
                row.getLong("actor_id"),
                row.getString("actor_name"),
                row.getTimestamp("at").toInstant(),
                read(row.getString("before")),
                read(row.getString("after")));
    }

    private @Nullable String write(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private @Nullable JsonNode read(@Nullable String value) {
        return value == null ? null : json.readTree(value);
    }
}
