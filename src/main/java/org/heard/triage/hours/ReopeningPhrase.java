package org.heard.triage.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Says when the team is back the way a customer reads it, in the team's own zone: "at 09:00 (UK
 * time)", "tomorrow at 09:00 (Eastern time)", "on Monday at 08:30 (UTC)".
 */
final class ReopeningPhrase {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);

    private ReopeningPhrase() {}

    static String of(Instant reopens, Instant now, ZoneId zone) {
        var when = reopens.atZone(zone);
        var today = LocalDate.ofInstant(now, zone);
        var at = "at " + TIME.format(when) + " (" + zoneName(zone) + ")";
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, when.toLocalDate());
        if (days <= 0) {
            return at;
        }
        if (days == 1) {
            return "tomorrow " + at;
        }
        return "on " + (days < 7 ? DAY.format(when) : DATE.format(when)) + " " + at;
    }

    /** A zone's name a customer recognises: "UK time", "Eastern time", "UTC". */
    static String zoneName(ZoneId zone) {
        var normalized = zone.normalized();
        if (normalized.equals(ZoneOffset.UTC)
                || zone.getId().equals("Etc/UTC")
                || zone.getId().equals("UTC")) {
            return "UTC";
        }
        if (zone.getId().equals("Europe/London")) {
            return "UK time";
        }
        var name = zone.getDisplayName(TextStyle.FULL, Locale.UK);
        return name.endsWith(" Time") ? name.substring(0, name.length() - 5) + " time" : name;
    }
}
