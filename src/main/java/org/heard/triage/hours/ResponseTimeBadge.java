package org.heard.triage.hours;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public "typically replies within" badge with the team's hours, for the web-chat widget, the help
 * centre (any site may read it) and, as plain text, for profile bios. Needs no sign-in.
 */
@RestController
@CrossOrigin(origins = "*", methods = org.springframework.web.bind.annotation.RequestMethod.GET)
@Tag(name = "Public")
class ResponseTimeBadge {

    private final ResponseTimes responseTimes;
    private final Calendars calendars;
    private final Clock clock;

    ResponseTimeBadge(ResponseTimes responseTimes, Calendars calendars, Clock clock) {
        this.responseTimes = responseTimes;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * @param nextOpening when the team is next open, or {@code null} while it is open
     * @param nextOpeningText the same for a person, such as "tomorrow at 09:00 (UK time)"
     */
    record Badge(
            @Nullable Integer typicalMinutes,
            String text,
            int responses,
            boolean open,
            @Nullable Instant nextOpening,
            @Nullable String nextOpeningText,
            String zone,
            List<Day> hours) {}

    /** A weekday's usual hours, empty when closed. */
    record Day(DayOfWeek day, List<String> hours) {}

    @GetMapping(path = "/p/response-time", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How quickly the team typically replies, whether it is open, and its weekly hours")
    Badge badge() {
        var figure = responseTimes.current();
        var calendar = calendars.team();
        var now = clock.instant();
        boolean open = calendar.isOpen(now);
        var next = open ? null : calendar.nextOpening(now).orElse(null);
        var days = Arrays.stream(DayOfWeek.values())
                .map(day -> new Day(
                        day,
                        calendar.weekly().getOrDefault(day, List.of()).stream()
                                .map(OpeningHours::toString)
                                .toList()))
                .toList();
        return new Badge(
                figure.typicalMinutes(),
                figure.text(),
                figure.responses(),
                open,
                next,
                next == null ? null : ReopeningPhrase.of(next, now, calendar.zone()),
                calendar.zone().getId(),
                days);
    }

    @GetMapping(path = "/p/response-time.txt", produces = "text/plain;charset=UTF-8")
    @Operation(summary = "The same as one line of plain text, for a profile bio")
    String text() {
        var badge = badge();
        return badge.text() + (badge.open() ? ". Open now." : ". Back " + badge.nextOpeningText() + ".");
    }
}
