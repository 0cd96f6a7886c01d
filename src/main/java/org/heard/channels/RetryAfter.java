package org.heard.channels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long a network asks Heard to wait: the {@code Retry-After} header (seconds or an HTTP
 * date, RFC 9110 §10.2.3) or a rate-limit reset time in epoch seconds ({@code x-rate-limit-reset}).
 * A wait is never negative and never longer than an hour, so a wrong clock cannot stall a reply.
 */
public final class RetryAfter {

    static final Duration LONGEST = Duration.ofHours(1);

    private RetryAfter() {}

    public static @Nullable Duration parse(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var value = header.strip();
        try {
            return bounded(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return bounded(Duration.between(now, at));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    public static @Nullable Duration untilEpochSeconds(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return bounded(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(header.strip()))));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static Duration bounded(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
