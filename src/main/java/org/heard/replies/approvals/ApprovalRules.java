package org.heard.replies.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.heard.platform.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The saved approval rules, in the order they are tried. */
@Repository
@Transactional
public class ApprovalRules {

    private static final String COLUMNS =
            "id, position, name, enabled, conditions::text as conditions, steps::text as steps, updated_at";
    private static final TypeReference<List<ApprovalStep>> STEPS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApprovalRules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<ApprovalRule> all() {
        return jdbc.sql("select " + COLUMNS + " from reply_approval_rules order by position, id")
                .query(this::rule)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ApprovalRule> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reply_approval_rules where id = ?")
                .param(id)
                .query(this::rule)
                .optional();
    }

    /** Saves a new rule at the end of the order. */
    public ApprovalRule add(ApprovalRuleDraft draft) {
        long id = jdbc.sql("""
                        insert into reply_approval_rules (name, position, enabled, conditions, steps)
                        values (?, (select coalesce(max(position) + 1, 0) from reply_approval_rules), ?,
                                cast(? as jsonb), cast(? as jsonb))
                        returning id
                        """)
                .params(draft.name(), draft.enabled(), write(draft.conditions()), write(draft.steps()))
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    public ApprovalRule change(long id, ApprovalRuleDraft draft) {
        int changed = jdbc.sql("""
                        update reply_approval_rules set name = ?, enabled = ?, conditions = cast(? as jsonb),
                        steps = cast(? as jsonb), updated_at = now() where id = ?
                        """)
                .params(draft.name(), draft.enabled(), write(draft.conditions()), write(draft.steps()), id)
                .update();
        if (changed == 0) {
            throw new Refused("There is no approval rule " + id + ".");
        }
        return find(id).orElseThrow();
    }

    public void delete(long id) {
        jdbc.sql("delete from reply_approval_rules where id = ?").param(id).update();
    }

    /** Moves a rule one place up (-1) or down (+1), swapping it with its neighbour. */
    public void move(long id, int step) {
        var rules = all();
        int at = rules.stream().map(ApprovalRule::id).toList().indexOf(id);
        int to = at + Integer.signum(step);
        if (at < 0 || to < 0 || to >= rules.size()) {
            return;
        }
        var ids = new java.util.ArrayList<>(rules.stream().map(ApprovalRule::id).toList());
        java.util.Collections.swap(ids, at, to);
        for (int position = 0; position < ids.size(); position++) {
            jdbc.sql("update reply_approval_rules set position = ? where id = ?")
                    .params(position, ids.get(position))
                    .update();
        }
    }

    private ApprovalRule rule(ResultSet row, int n) throws SQLException {
        return new ApprovalRule(
                row.getLong("id"),
                row.getInt("position"),
                row.getString("name"),
                row.getBoolean("enabled"),
                json.readValue(row.getString("conditions"), ApprovalConditions.class),
                json.readValue(row.getString("steps"), STEPS),
                row.getTimestamp("updated_at").toInstant());
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    List<ApprovalStep> steps(String value) {
        return json.readValue(value, STEPS);
    }
}
