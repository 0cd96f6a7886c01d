package org.heard.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** How pages show times: "4 min", "2 h", "3 d", and an exact time for the tooltip. */
@Component("times")
public class Times {

    private final java.time.Clock clock;
    private final ObjectProvider<TeamTimeZone> team;

    Times(java.time.Clock clock, ObjectProvider<TeamTimeZone> team) {
        this.clock = clock;
        this.team = team;
    }

    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z").withZone(ZoneId.systemDefault());

    public String ago(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        var elapsed = Duration.between(instant, clock.instant());
        if (elapsed.toSeconds() < 60) {
            return "now";
        }
        if (elapsed.toMinutes() < 60) {
            return elapsed.toMinutes() + " min";
        }
        if (elapsed.toHours() < 48) {
            return elapsed.toHours() + " h";
        }
        return elapsed.toDays() + " d";
    }

    /** How long until a due time, or how long past it: "in 12 min", "4 min overdue". */
    public String until(@Nullable Instant due) {
        if (due == null) {
            return "";
        }
        var left = Duration.between(clock.instant(), due);
        var size = left.abs();
        String amount = size.toMinutes() < 1
                ? "under a minute"
                : size.toMinutes() < 60
                        ? size.toMinutes() + " min"
                        : size.toHours() < 48 ? size.toHours() + " h" : size.toDays() + " d";
        return left.isNegative() ? amount + " overdue" : "in " + amount;
    }

    public boolean past(@Nullable Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }

    public String exact(@Nullable Instant instant) {
        return instant == null ? "" : EXACT.format(instant);
    }

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The time as the team reads it, with its zone: "Thu 24 Dec 2026, 15:00 (Europe/London)". */
    public String team(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        var zone = team.getIfAvailable();
        return zone == null
                ? EXACT.format(instant)
                : zone.shown(instant) + " (" + zone.zone().getId() + ")";
    }

    /** The team's time zone, as pages name it: "Europe/London". */
    public String teamZone() {
        var zone = team.getIfAvailable();
        return zone == null ? ZoneId.systemDefault().getId() : zone.zone().getId();
    }
}
