package org.heard.triage.hours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The supervisors' service-level policies. There is always exactly one default policy. */
@Repository
@Transactional
class ServiceLevelPolicies {

    private static final String COLUMNS = """
            id, name, scope, scope_value, first_response_seconds, next_response_seconds, resolution_seconds,
            business_hours, warn_at_percent, warn_before_seconds
            """;

    private final JdbcClient jdbc;

    ServiceLevelPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<ServiceLevelPolicy> all() {
        return jdbc.sql("select " + COLUMNS + " from triage_service_level_policies order by scope, scope_value, id")
                .query(ServiceLevelPolicies::policy)
                .list();
    }

    /** The policy for a conversation: its queue's, else its channel's, else the default. */
    @Transactional(readOnly = true)
    ServiceLevelPolicy applicableTo(@Nullable String queue, String channel) {
        return jdbc.sql("select " + COLUMNS + """
                         from triage_service_level_policies
                        where scope = 'DEFAULT' or (scope = 'QUEUE' and scope_value = ?)
                           or (scope = 'CHANNEL' and scope_value = ?)
                        order by case scope when 'QUEUE' then 0 when 'CHANNEL' then 1 else 2 end
                        limit 1
                        """)
                .params(queue, channel)
                .query(ServiceLevelPolicies::policy)
                .single();
    }

    @Transactional(readOnly = true)
    Optional<ServiceLevelPolicy> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_service_level_policies where id = ?")
                .param(id)
                .query(ServiceLevelPolicies::policy)
                .optional();
    }

    ServiceLevelPolicy add(ServiceLevelPolicy policy) {
        if (policy.scope() == ServiceLevelPolicy.Scope.DEFAULT) {
            throw new Refused("There is already a default policy; change it instead of adding one.");
        }
        refuseClash(policy, 0);
        long id = jdbc.sql("""
                        insert into triage_service_level_policies (name, scope, scope_value, first_response_seconds,
                            next_response_seconds, resolution_seconds, business_hours, warn_at_percent, warn_before_seconds)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """).params(values(policy)).query(Long.class).single();
        return find(id).orElseThrow();
    }

    ServiceLevelPolicy change(long id, ServiceLevelPolicy policy) {
        var saved = find(id).orElseThrow(() -> new Refused("There is no policy " + id + "."));
        if ((saved.scope() == ServiceLevelPolicy.Scope.DEFAULT)
                != (policy.scope() == ServiceLevelPolicy.Scope.DEFAULT)) {
            throw new Refused("The default policy stays the default; add a separate policy for a queue or channel.");
        }
        refuseClash(policy, id);
        var params = new java.util.ArrayList<>(values(policy));
        params.add(id);
        jdbc.sql("""
                        update triage_service_level_policies set name = ?, scope = ?, scope_value = ?,
                            first_response_seconds = ?, next_response_seconds = ?, resolution_seconds = ?,
                            business_hours = ?, warn_at_percent = ?, warn_before_seconds = ?, updated_at = now()
                        where id = ?
                        """).params(params).update();
        return find(id).orElseThrow();
    }

    void remove(long id) {
        var saved = find(id).orElseThrow(() -> new Refused("There is no policy " + id + "."));
        if (saved.scope() == ServiceLevelPolicy.Scope.DEFAULT) {
            throw new Refused("The default policy cannot be removed; change its targets instead.");
        }
        jdbc.sql("delete from triage_service_level_policies where id = ?")
                .param(id)
                .update();
    }

    private void refuseClash(ServiceLevelPolicy policy, long exceptId) {
        all().stream()
                .filter(other -> other.id() != exceptId
                        && other.scope() == policy.scope()
                        && java.util.Objects.equals(other.scopeValue(), policy.scopeValue()))
                .findFirst()
                .ifPresent(other -> {
                    throw new Refused("\"" + other.name() + "\" already covers "
                            + policy.scope().name().toLowerCase() + " " + policy.scopeValue() + "; change that one.");
                });
    }

    private static List<Object> values(ServiceLevelPolicy policy) {
        return java.util.Arrays.asList(
                policy.name().strip(),
                policy.scope().name(),
                policy.scopeValue(),
                policy.firstResponse().toSeconds(),
                policy.nextResponse().toSeconds(),
                policy.resolution() == null ? null : policy.resolution().toSeconds(),
                policy.businessHours(),
                policy.warnAtPercent(),
                policy.warnBefore() == null ? null : policy.warnBefore().toSeconds());
    }

    private static ServiceLevelPolicy policy(ResultSet rs, int row) throws SQLException {
        return new ServiceLevelPolicy(
                rs.getLong("id"),
                rs.getString("name"),
                ServiceLevelPolicy.Scope.valueOf(rs.getString("scope")),
                rs.getString("scope_value"),
                Duration.ofSeconds(rs.getLong("first_response_seconds")),
                Duration.ofSeconds(rs.getLong("next_response_seconds")),
                seconds(rs, "resolution_seconds"),
                rs.getBoolean("business_hours"),
                rs.getObject("warn_at_percent", Integer.class),
                seconds(rs, "warn_before_seconds"));
    }

    private static @Nullable Duration seconds(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, Long.class);
        return value == null ? null : Duration.ofSeconds(value);
    }
}
