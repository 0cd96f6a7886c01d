package org.heard.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The care team's time zone, in which people write and read times of day ("send at 09:00"). The team's
 * opening hours set it; a new install is in UTC.
 */
public interface TeamTimeZone {

    DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    ZoneId zone();

    /**
     * The instant a person means: an ISO instant ({@code 2026-12-24T15:00:00Z}), a time with an offset
     * ({@code 2026-12-24T15:00+01:00}), or a local time ({@code 2026-12-24T15:00}, as a datetime-local field
     * sends it) in the given zone, or the team's when none is given.
     *
     * @throws TimeRefused when the text is none of these, saying what to write
     */
    default Instant instant(String text, @Nullable String zoneName) {
        var value = text == null ? "" : text.strip();
        try {
            if (value.endsWith("Z") || value.endsWith("z")) {
                return Instant.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.matches(".*[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
            }
            var zone = zoneName == null || zoneName.isBlank() ? zone() : ZoneId.of(zoneName.strip());
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new TimeRefused("\"" + value + "\" is not a time Heard can read; write it like "
                    + "2026-12-24T15:00 (in " + zone().getId() + ") or 2026-12-24T15:00:00Z.");
        } catch (DateTimeException e) {
            throw new TimeRefused("\"" + zoneName + "\" is not a time zone; write one like Europe/London.");
        }
    }

    /**
     * A time to send something at, read as {@link #instant}: it must be ahead of {@code now}, and within a year.
     *
     * @throws TimeRefused when it cannot be read, has passed or is too far ahead
     */
    default Instant later(String text, @Nullable String zoneName, Instant now) {
        var at = instant(text, zoneName);
        if (!at.isAfter(now)) {
            throw new TimeRefused(
                    shown(at) + " (" + zone().getId() + ") has passed; pick a later time, or send it now.");
        }
        if (at.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            throw new TimeRefused("Heard schedules up to a year ahead; pick a time before "
                    + shown(now.plus(java.time.Duration.ofDays(366))) + ".");
        }
        return at;
    }

    /** The instant as the team reads it: "Thu 24 Dec 2026, 15:00". */
    default String shown(Instant instant) {
        return SHOWN.format(instant.atZone(zone()));
    }

    /** The instant as a datetime-local field shows it, in the team's zone: "2026-12-24T15:00". */
    default String local(Instant instant) {
        return instant.atZone(zone())
                .toLocalDateTime()
                .withSecond(0)
                .withNano(0)
                .toString();
    }
}
