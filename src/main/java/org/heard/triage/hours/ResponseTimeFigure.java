package org.heard.triage.hours;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How quickly the team typically answers: the median of real first-response times, said in a rounded
 * figure a customer can rely on ("within 15 minutes" for a median of 12). With fewer than
 * {@link #ENOUGH} responses it gives no number at all rather than a misleading one.
 *
 * @param typicalMinutes the median in whole minutes (rounded up), or {@code null} when there is too
 *     little to go on
 * @param responses how many first responses the figure stands on
 */
public record ResponseTimeFigure(@Nullable Integer typicalMinutes, String text, int responses) {

    static final int ENOUGH = 5;

    private static final int[] MINUTES = {5, 10, 15, 20, 30, 45, 60};
    private static final int[] HOURS = {2, 3, 4, 6, 8, 12, 24};

    static ResponseTimeFigure of(List<Duration> responseTimes) {
        if (responseTimes.size() < ENOUGH) {
            return new ResponseTimeFigure(
                    null,
                    "Too few replies this week to say how quickly the team typically answers",
                    responseTimes.size());
        }
        var sorted = responseTimes.stream().sorted().toList();
        int middle = sorted.size() / 2;
        var median = sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
        int minutes = (int) Math.max(1, (median.toSeconds() + 59) / 60);
        return new ResponseTimeFigure(minutes, "Typically replies within " + rounded(minutes), sorted.size());
    }

    private static String rounded(int minutes) {
        for (int bucket : MINUTES) {
            if (minutes <= bucket) {
                return bucket == 60 ? "an hour" : bucket + " minutes";
            }
        }
        for (int bucket : HOURS) {
            if (minutes <= bucket * 60) {
                return bucket == 24 ? "a day" : bucket + " hours";
            }
        }
        return ((minutes + 24 * 60 - 1) / (24 * 60)) + " days";
    }
}
