package org.heard.triage.hours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * A team's hours as supervisors write them: a time zone, hours per weekday ({@code ["09:00-12:00",
 * "13:00-17:00"]}, none for a closed day) and special days. Refuses anything that is not a working
 * calendar, saying what to change.
 */
public record CalendarSettings(String zone, Map<DayOfWeek, List<String>> weekly, List<SpecialDay> days) {

    /**
     * A holiday (no hours) or a date with hours of its own.
     *
     * @param name what the day is, such as "Christmas Day"
     */
    public record SpecialDay(LocalDate date, String name, List<String> hours) {

        public SpecialDay {
            if (date == null) {
                throw new Refused("Each special day needs a date, like 2026-12-25.");
            }
            name = name == null ? "" : name.strip();
            if (name.length() > 120) {
                throw new Refused("Keep the name of " + date + " under 120 characters.");
            }
            hours = hours == null ? List.of() : List.copyOf(hours);
        }
    }

    public CalendarSettings {
        if (zone == null || zone.isBlank()) {
            throw new Refused("Give the team's time zone, such as Europe/London or America/New_York.");
        }
        zone = zone.strip();
        weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
        days = days == null ? List.of() : List.copyOf(days);
        if (days.stream().map(SpecialDay::date).distinct().count() < days.size()) {
            throw new Refused("Each special day may appear once; join the hours of repeated dates.");
        }
        calendar(zone, weekly, days);
    }

    /** The calendar these settings describe. */
    public BusinessCalendar calendar() {
        return calendar(zone, weekly, days);
    }

    private static BusinessCalendar calendar(String zone, Map<DayOfWeek, List<String>> weekly, List<SpecialDay> days) {
        var hours = new EnumMap<DayOfWeek, List<OpeningHours>>(DayOfWeek.class);
        weekly.forEach((day, intervals) -> hours.put(day, parse(intervals)));
        var special = new LinkedHashMap<LocalDate, List<OpeningHours>>();
        days.forEach(day -> special.put(day.date(), parse(day.hours())));
        return new BusinessCalendar(zoneId(zone), hours, special);
    }

    /** The settings of a calendar, the way they are shown and stored. */
    static CalendarSettings of(BusinessCalendar calendar, Map<LocalDate, String> names) {
        var weekly = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        calendar.weekly().forEach((day, hours) -> weekly.put(day, text(hours)));
        var days = calendar.exceptions().entrySet().stream()
                .map(e -> new SpecialDay(e.getKey(), names.getOrDefault(e.getKey(), ""), text(e.getValue())))
                .toList();
        return new CalendarSettings(calendar.zone().getId(), weekly, days);
    }

    static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new Refused(
                    "\"" + zone
                            + "\" is not a time zone Heard knows; use a region name such as Europe/London, America/New_York or UTC.");
        }
    }

    private static List<OpeningHours> parse(@Nullable List<String> intervals) {
        return intervals == null
                ? List.of()
                : intervals.stream()
                        .filter(text -> text != null && !text.isBlank())
                        .map(OpeningHours::parse)
                        .toList();
    }

    private static List<String> text(List<OpeningHours> hours) {
        return hours.stream().map(OpeningHours::toString).toList();
    }
}
