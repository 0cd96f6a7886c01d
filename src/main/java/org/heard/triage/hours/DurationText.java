package org.heard.triage.hours;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Durations as supervisors type them ("2h", "1h 30m", "45m", "2d", "30s") or as ISO 8601 ("PT1H"), and
 * back in the short form.
 */
final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*([dhms])");
    private static final Pattern WHOLE = Pattern.compile("(\\s*\\d+\\s*[dhms]\\s*)+");

    private DurationText() {}

    /** Reads a duration; blank means none. */
    static @Nullable Duration parse(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var written = text.strip().toLowerCase(Locale.ROOT);
        if (written.startsWith("p") || written.startsWith("-p")) {
            try {
                return Duration.parse(written.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw refused(text, field);
            }
        }
        if (!WHOLE.matcher(written).matches()) {
            throw refused(text, field);
        }
        var total = Duration.ZERO;
        var parts = PART.matcher(written);
        try {
            while (parts.find()) {
                long amount = Long.parseLong(parts.group(1));
                total = total.plus(
                        switch (parts.group(2)) {
                            case "d" -> Duration.ofDays(amount);
                            case "h" -> Duration.ofHours(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            default -> Duration.ofSeconds(amount);
                        });
            }
        } catch (NumberFormatException | ArithmeticException tooLong) {
            throw refused(text, field);
        }
        return total;
    }

    static String format(@Nullable Duration duration) {
        if (duration == null) {
            return "";
        }
        var text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        return text.isEmpty() ? "0s" : text.toString().strip();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit).append(' ');
        }
    }

    private static Refused refused(String text, String field) {
        return new Refused(field + " must be a duration such as 30m, 2h, 1h 30m, 1d or PT1H, not \"" + text + "\".");
    }
}
