package org.heard.triage.hours;

import java.time.LocalTime;
import java.util.regex.Pattern;
import org.heard.platform.Refused;

/**
 * One stretch of a day when the team is open, from {@code opens} up to (not including) {@code closes},
 * in minutes after midnight. Closing at 1440 means open until midnight, so "00:00-24:00" is a whole
 * day and days join without a gap.
 */
public record OpeningHours(int opensMinute, int closesMinute) implements Comparable<OpeningHours> {

    static final OpeningHours ALL_DAY = new OpeningHours(0, 24 * 60);

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})");

    public OpeningHours {
        if (opensMinute < 0 || closesMinute > 24 * 60 || opensMinute >= closesMinute) {
            throw new Refused("Opening hours run forward within one day, like 09:00-17:00; " + text(opensMinute) + "-"
                    + text(closesMinute) + " does not.");
        }
    }

    /** Reads {@code "09:00-17:00"}; {@code "24:00"} closes at midnight. */
    public static OpeningHours parse(String text) {
        var match = SHAPE.matcher(text.strip());
        if (!match.matches()) {
            throw new Refused(
                    "Write opening hours as HH:MM-HH:MM, like 09:00-17:00 (24:00 for midnight), not \"" + text + "\".");
        }
        int opens = minute(match.group(1), match.group(2), text);
        int closes = minute(match.group(3), match.group(4), text);
        return new OpeningHours(opens, closes);
    }

    private static int minute(String hours, String minutes, String text) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw new Refused("\"" + text + "\" holds a time that does not exist; use 00:00 to 24:00.");
        }
        return h * 60 + m;
    }

    LocalTime opens() {
        return LocalTime.of(opensMinute / 60, opensMinute % 60);
    }

    /** The closing time, or {@code null}-free midnight handled by the caller when {@link #untilMidnight()}. */
    LocalTime closes() {
        return untilMidnight() ? LocalTime.MIDNIGHT : LocalTime.of(closesMinute / 60, closesMinute % 60);
    }

    boolean untilMidnight() {
        return closesMinute == 24 * 60;
    }

    boolean overlaps(OpeningHours other) {
        return opensMinute < other.closesMinute && other.opensMinute < closesMinute;
    }

    @Override
    public int compareTo(OpeningHours other) {
        return Integer.compare(opensMinute, other.opensMinute);
    }

    @Override
    public String toString() {
        return text(opensMinute) + "-" + text(closesMinute);
    }

    private static String text(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
