package org.heard.triage.hours;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The team's calendar and the queues' own calendars, as saved. */
@Repository
@Transactional
public class Calendars {

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The team's calendar. */
    @Transactional(readOnly = true)
    public BusinessCalendar team() {
        return settings(null).orElseThrow().calendar();
    }

    /** The queue's own calendar if it has one, else the team's. */
    @Transactional(readOnly = true)
    public BusinessCalendar forQueue(@Nullable String queue) {
        return (queue == null ? Optional.<CalendarSettings>empty() : settings(queue))
                .or(() -> settings(null))
                .orElseThrow()
                .calendar();
    }

    /** The saved settings of the team ({@code queue} null) or of a queue, if it has its own. */
    @Transactional(readOnly = true)
    public Optional<CalendarSettings> settings(@Nullable String queue) {
        return id(queue).map(this::load);
    }

    /** Replaces the team's or a queue's calendar. */
    public void save(@Nullable String queue, CalendarSettings settings) {
        long id = id(queue).orElseGet(() -> create(queue, settings.zone()));
        jdbc.sql("update triage_calendars set zone = ?, updated_at = now() where id = ?")
                .params(settings.zone(), id)
                .update();
        jdbc.sql("delete from triage_calendar_hours where calendar_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from triage_calendar_days where calendar_id = ?")
                .param(id)
                .update();
        settings.weekly().forEach((day, hours) -> {
            if (!hours.isEmpty()) {
                jdbc.sql("insert into triage_calendar_hours (calendar_id, day_of_week, hours) values (?, ?, ?)")
                        .params(id, day.getValue(), String.join(", ", hours))
                        .update();
            }
        });
        for (var day : settings.days()) {
            jdbc.sql("insert into triage_calendar_days (calendar_id, day, name, hours) values (?, ?, ?, ?)")
                    .params(id, Date.valueOf(day.date()), day.name(), String.join(", ", day.hours()))
                    .update();
        }
    }

    /** A queue goes back to the team's calendar. */
    public boolean removeQueueCalendar(String queue) {
        return jdbc.sql("delete from triage_calendars where queue_key = ?")
                        .param(queue)
                        .update()
                > 0;
    }

    /** Queues that have their own calendar. */
    @Transactional(readOnly = true)
    public List<String> queuesWithOwnCalendar() {
        return jdbc.sql("select queue_key from triage_calendars where queue_key is not null order by queue_key")
                .query(String.class)
                .list();
    }

    private Optional<Long> id(@Nullable String queue) {
        return (queue == null
                        ? jdbc.sql("select id from triage_calendars where queue_key is null")
                        : jdbc.sql("select id from triage_calendars where queue_key = ?")
                                .param(queue))
                .query(Long.class)
                .optional();
    }

    private long create(@Nullable String queue, String zone) {
        boolean queueExists = jdbc.sql("select count(*) from triage_queues where key = ?")
                        .param(queue)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!queueExists) {
            throw new Refused("There is no queue \"" + queue + "\"; create it first.");
        }
        return jdbc.sql("insert into triage_calendars (queue_key, zone) values (?, ?) returning id")
                .params(queue, zone)
                .query(Long.class)
                .single();
    }

    private CalendarSettings load(long id) {
        var zone = jdbc.sql("select zone from triage_calendars where id = ?")
                .param(id)
                .query(String.class)
                .single();
        var weekly = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        jdbc.sql("select day_of_week, hours from triage_calendar_hours where calendar_id = ?")
                .param(id)
                .query((rs, row) -> weekly.put(DayOfWeek.of(rs.getInt(1)), split(rs.getString(2))))
                .list();
        var days = jdbc.sql("select day, name, hours from triage_calendar_days where calendar_id = ? order by day")
                .param(id)
                .query((rs, row) -> new CalendarSettings.SpecialDay(
                        rs.getObject(1, LocalDate.class), rs.getString(2), split(rs.getString(3))))
                .list();
        return new CalendarSettings(zone, weekly, days);
    }

    private static List<String> split(String hours) {
        return hours.isBlank() ? List.of() : List.of(hours.split("\\s*,\\s*"));
    }

    static Map<LocalDate, String> names(CalendarSettings settings) {
        var names = new HashMap<LocalDate, String>();
        settings.days().forEach(day -> names.put(day.date(), day.name()));
        return names;
    }
}
