package org.heard.triage.fairness;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.heard.platform.Refused;
import org.heard.triage.fairness.Fairness.Group;
import org.heard.triage.fairness.Fairness.Split;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves, or disproves, that complaints get the same service whoever makes them and wherever: first
 * response and resolution times for complaints in a period, split by channel and by follower count.
 * Reads the conversations' own times (a report, read-only) next to triage's assessments.
 */
@Component
public class FairnessReport {

    // Buckets sort by size: the name carries a two-digit rank that the report strips.
    private static final String BUCKET = """
            case when i.followers_count is null then '06 not shown'
                 when i.followers_count < 1000 then '01 under 1k'
                 when i.followers_count < 10000 then '02 1k to 10k'
                 when i.followers_count < 100000 then '03 10k to 100k'
                 when i.followers_count < 1000000 then '04 100k to 1M'
                 else '05 1M and more' end""";

    private final JdbcClient jdbc;

    FairnessReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report for complaints whose conversations started in [from, to). */
    @Transactional(readOnly = true)
    public Fairness between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new Refused("The period must start before it ends.");
        }
        return new Fairness(from, to, split("c.channel", from, to), split(BUCKET, from, to));
    }

    private Split split(String groupBy, Instant from, Instant to) {
        var rows = jdbc.sql("""
                        with complaints as (
                            select distinct c.id, %s as grp, c.created_at, c.first_response_at, c.resolved_at
                            from conversations c
                            join channel_identities i on i.id = c.identity_id
                            where c.created_at >= ? and c.created_at < ?
                              and exists (select 1 from triage_assessments a where a.conversation_id = c.id and a.complaint))
                        select grp, count(*) complaints, count(first_response_at) answered, count(resolved_at) resolved,
                            array_agg(extract(epoch from first_response_at - created_at) / 60)
                                filter (where first_response_at is not null) first_minutes,
                            percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at))
                                filter (where first_response_at is not null) / 60 first_median,
                            percentile_cont(0.9) within group (order by extract(epoch from first_response_at - created_at))
                                filter (where first_response_at is not null) / 60 first_p90,
                            percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at))
                                filter (where resolved_at is not null) / 60 resolution_median
                        from complaints group by grp order by grp
                        """.formatted(groupBy))
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new Row(
                        new Group(
                                rs.getString("grp").replaceFirst("^\\d\\d ", ""),
                                rs.getInt("complaints"),
                                rs.getInt("answered"),
                                rs.getInt("resolved"),
                                (Double) rs.getObject("first_median"),
                                (Double) rs.getObject("first_p90"),
                                (Double) rs.getObject("resolution_median")),
                        minutes(rs.getArray("first_minutes"))))
                .list();
        var samples = rows.stream()
                .map(r -> new FirstResponseGap.Sample(r.group().name(), r.firstResponseMinutes()))
                .toList();
        return new Split(rows.stream().map(Row::group).toList(), FirstResponseGap.among(samples));
    }

    private static double[] minutes(@Nullable Array array) throws SQLException {
        if (array == null) {
            return new double[0];
        }
        var values = (Object[]) array.getArray();
        double[] minutes = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            minutes[i] = ((Number) values[i]).doubleValue();
        }
        return minutes;
    }

    private record Row(Group group, double[] firstResponseMinutes) {}
}
