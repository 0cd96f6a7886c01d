package org.heard.replies.broadcasts;

import java.time.Duration;
import org.heard.platform.Refused;
import org.springframework.boot.convert.DurationStyle;

/**
 * How fast a broadcast's messages may go: at most {@code count} every {@code per}, evenly spaced, never in a burst.
 * Written {@code count/per}, such as {@code 30/1s} or {@code 150/3h}.
 */
public record Pace(int count, Duration per) {

    public Pace {
        if (count < 1) {
            throw new Refused("A pace sends at least one message; write it like 30/1s or 150/3h.");
        }
        if (per == null || per.isNegative() || per.isZero()) {
            throw new Refused("A pace needs a time, like the 1s in 30/1s.");
        }
    }

    /**
     * Reads a pace written as {@code count/duration}.
     *
     * @throws Refused with words a person can act on when it is not one
     */
    public static Pace parse(String text) {
        var parts = text == null ? new String[0] : text.strip().split("\\s*/\\s*");
        if (parts.length != 2) {
            throw notAPace(text);
        }
        int count;
        Duration per;
        try {
            count = Integer.parseInt(parts[0]);
            per = DurationStyle.SIMPLE.parse(parts[1]);
        } catch (IllegalArgumentException e) {
            throw notAPace(text);
        }
        return new Pace(count, per);
    }

    /** The time between two messages. */
    public Duration interval() {
        return per.dividedBy(count);
    }

    /** Whether this pace lets fewer messages through than the other. */
    public boolean slowerThan(Pace other) {
        return interval().compareTo(other.interval()) > 0;
    }

    /** The pace as it is written: {@code 30/1s}. */
    @Override
    public String toString() {
        return count + "/" + written(per);
    }

    private static String written(Duration duration) {
        if (duration.toMillis() % 86_400_000 == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toMillis() % 3_600_000 == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }

    private static Refused notAPace(String text) {
        return new Refused("'" + text + "' is not a pace; write it as messages/time, like 30/1s,"
                + " 100/15m or 150/3h (ms, s, m, h or d).");
    }
}
