package org.heard.triage.fairness;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.heard.triage.fairness.Fairness.Gap;
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

    /** Groups with fewer complaints than this are shown but not used to judge a gap. */
    static final int MIN_GROUP = 5;

    /** A gap worth a supervisor's look: the slowest group's median is this much the fastest's, or more. */
    static final double GAP_RATIO = 1.5;

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
            throw new IllegalArgumentException("The period must start before it ends.");
        }
        return new Fairness(from, to, split("c.channel", from, to), split(BUCKET, from, to));
    }

    private Split split(String groupBy, Instant from, Instant to) {
        var groups = jdbc.sql("""
                        with complaints as (
                            select distinct c.id, %s as grp, c.created_at, c.first_response_at, c.resolved_at
                            from conversations c
                            join channel_identities i on i.id = c.identity_id
                            where c.created_at >= ? and c.created_at < ?
                              and exists (select 1 from triage_assessments a where a.conversation_id = c.id and a.complaint))
                        select grp, count(*) complaints, count(first_response_at) answered,
                            percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at))
                                filter (where first_response_at is not null) / 60 first_median,
                            percentile_cont(0.9) within group (order by extract(epoch from first_response_at - created_at))
                                filter (where first_response_at is not null) / 60 first_p90,
                            percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at))
                                filter (where resolved_at is not null) / 60 resolution_median
                        from complaints group by grp order by grp
                        """.formatted(groupBy))
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new Group(
                        rs.getString("grp").replaceFirst("^\\d\\d ", ""),
                        rs.getInt("complaints"),
                        rs.getInt("answered"),
                        (Double) rs.getObject("first_median"),
                        (Double) rs.getObject("first_p90"),
                        (Double) rs.getObject("resolution_median")))
                .list();
        return new Split(groups, gap(groups));
    }

    private static @Nullable Gap gap(List<Group> groups) {
        var judged = groups.stream()
                .filter(g -> g.complaints() >= MIN_GROUP && g.firstResponseMedianMinutes() != null)
                .toList();
        if (judged.size() < 2) {
            return null;
        }
        var fastest = judged.stream()
                .min((a, b) -> Double.compare(a.firstResponseMedianMinutes(), b.firstResponseMedianMinutes()))
                .orElseThrow();
        var slowest = judged.stream()
                .max((a, b) -> Double.compare(a.firstResponseMedianMinutes(), b.firstResponseMedianMinutes()))
                .orElseThrow();
        double ratio = slowest.firstResponseMedianMinutes() / Math.max(fastest.firstResponseMedianMinutes(), 0.5);
        return new Gap(fastest.name(), slowest.name(), ratio, ratio >= GAP_RATIO);
    }
}
