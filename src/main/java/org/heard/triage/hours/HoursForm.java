package org.heard.triage.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Team hours as the page and the API send them: weekday names as keys, hours as text, special days
 * either as records or as lines like "2026-12-25 Christmas Day" or "2026-12-24 09:00-13:00 Christmas
 * Eve". Turns into checked {@link CalendarSettings} or says what is wrong.
 */
record HoursForm(
        @Nullable String zone,
        @Nullable Map<String, List<String>> weekly,
        @Nullable List<Day> days) {

    /** A special day as sent; no hours means closed all day. */
    record Day(
            @Nullable String date,
            @Nullable String name,
            @Nullable List<String> hours) {}

    CalendarSettings settings() {
        var hours = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        if (weekly != null) {
            weekly.forEach((day, intervals) -> hours.put(day(day), intervals == null ? List.of() : intervals));
        }
        var special = days == null
                ? List.<CalendarSettings.SpecialDay>of()
                : days.stream()
                        .map(d -> new CalendarSettings.SpecialDay(date(d.date()), d.name(), d.hours()))
                        .toList();
        return new CalendarSettings(zone, hours, special);
    }

    static HoursForm of(CalendarSettings settings) {
        var weekly = new java.util.LinkedHashMap<String, List<String>>();
        for (var day : DayOfWeek.values()) {
            weekly.put(day.name(), settings.weekly().getOrDefault(day, List.of()));
        }
        var days = settings.days().stream()
                .map(d -> new Day(d.date().toString(), d.name(), d.hours()))
                .toList();
        return new HoursForm(settings.zone(), weekly, days);
    }

    /** Reads the page's lines of special days. */
    static List<Day> lines(@Nullable String text) {
        var days = new ArrayList<Day>();
        if (text == null) {
            return days;
        }
        for (var line : text.split("\\R")) {
            var words = line.strip().split("\\s+", 2);
            if (words[0].isEmpty()) {
                continue;
            }
            var rest = words.length > 1 ? words[1] : "";
            var hours = new ArrayList<String>();
            var match = java.util.regex.Pattern.compile("^(\\d{1,2}:\\d{2}\\s*[-–]\\s*\\d{1,2}:\\d{2})[,\\s]*")
                    .matcher(rest);
            while (match.find()) {
                hours.add(match.group(1));
                rest = rest.substring(match.end());
                match = match.pattern().matcher(rest);
            }
            days.add(new Day(words[0], rest.strip(), hours));
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("\"" + name + "\" is not a weekday; use MONDAY to SUNDAY.");
        }
    }

    private static LocalDate date(@Nullable String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new Refused("Write special days' dates as YYYY-MM-DD, like 2026-12-25, not \"" + text + "\".");
        }
    }
}
