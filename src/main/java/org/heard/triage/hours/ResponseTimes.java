package org.heard.triage.hours;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.heard.platform.HeldInMemory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live "typically replies within" figure: the median time to a person's first response over the
 * last seven days, counted in the team's business hours, so a message sent on Saturday and answered
 * first thing Monday counts as answered quickly. Kept in memory and refreshed every few minutes; a
 * public page never waits on the query.
 *
 * <p>It reads the conversations module's own table with one read-only query: a report needs only two
 * columns, and conversations offers no reporting read yet.
 */
@Component
class ResponseTimes implements HeldInMemory {

    private static final Duration WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final Clock clock;
    private final AtomicReference<ResponseTimeFigure> current = new AtomicReference<>();

    ResponseTimes(JdbcClient jdbc, Calendars calendars, Clock clock) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.clock = clock;
    }

    ResponseTimeFigure current() {
        var figure = current.get();
        return figure != null ? figure : refresh();
    }

    @Override
    public void forget() {
        current.set(null);
    }

    @Scheduled(
            fixedDelayString = "${heard.triage.response-time.refresh-interval:5m}",
            initialDelayString = "${heard.triage.response-time.refresh-interval:5m}")
    ResponseTimeFigure refresh() {
        var calendar = calendars.team();
        var now = clock.instant();
        var times = jdbc.sql("""
                        select created_at, first_response_at from conversations
                        where first_response_at > ? and first_response_at <= ?
                        """)
                .params(Timestamp.from(now.minus(WINDOW)), Timestamp.from(now))
                .query((rs, row) -> calendar.between(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .list();
        var figure = ResponseTimeFigure.of(times);
        current.set(figure);
        return figure;
    }
}
