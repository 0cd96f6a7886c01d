package org.heard.triage.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.heard.platform.Refused;

/**
 * When a team is open: opening hours per weekday in a time zone, and dates with other hours (a holiday
 * closed all day, or a Christmas Eve open in the morning only). Times are local to the zone, so "09:00"
 * stays 09:00 across summer time, and an interval that falls into the hour a clock skips simply
 * shrinks. Business time counts only the open stretches.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> weekly;
    private final Map<LocalDate, List<OpeningHours>> exceptions;

    /**
     * @param weekly opening hours per weekday; a day left out is closed
     * @param exceptions dates whose hours replace the weekday's; an empty list closes the whole day
     * @throws Refused when a day's intervals overlap or the team never opens
     */
    public BusinessCalendar(
            ZoneId zone, Map<DayOfWeek, List<OpeningHours>> weekly, Map<LocalDate, List<OpeningHours>> exceptions) {
        this.zone = zone;
        this.weekly = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, hours) -> this.weekly.put(day, ordered(hours, day.toString())));
        this.exceptions = new TreeMap<>();
        exceptions.forEach((date, hours) -> this.exceptions.put(date, ordered(hours, date.toString())));
        if (this.weekly.values().stream().allMatch(List::isEmpty)) {
            throw new Refused("The team must be open at least one day a week; give some weekday opening hours.");
        }
    }

    /** Open every hour of every day: the clock for service levels counted round the clock. */
    public static BusinessCalendar roundTheClock(ZoneId zone) {
        var weekly = new EnumMap<DayOfWeek, List<OpeningHours>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            weekly.put(day, List.of(OpeningHours.ALL_DAY));
        }
        return new BusinessCalendar(zone, weekly, Map.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<OpeningHours>> weekly() {
        return Collections.unmodifiableMap(weekly);
    }

    public Map<LocalDate, List<OpeningHours>> exceptions() {
        return Collections.unmodifiableMap(exceptions);
    }

    public boolean isOpen(Instant at) {
        return nextOpening(at).filter(at::equals).isPresent();
    }

    /** The first instant at or after {@code from} when the team is open ({@code from} itself when open). */
    public Optional<Instant> nextOpening(Instant from) {
        var found = new Instant[1];
        walk(from, period -> {
            if (period.end().isAfter(from)) {
                found[0] = later(period.start(), from);
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** The instant when {@code amount} of open time has passed since {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business time only runs forward, not " + amount + ".");
        }
        var remaining = new Duration[] {amount};
        var result = new Instant[] {start};
        walk(start, period -> {
            if (!period.end().isAfter(start)) {
                return true;
            }
            var from = later(period.start(), start);
            var available = Duration.between(from, period.end());
            if (remaining[0].compareTo(available) <= 0) {
                result[0] = from.plus(remaining[0]);
                return false;
            }
            remaining[0] = remaining[0].minus(available);
            return true;
        });
        return amount.isZero() ? start : result[0];
    }

    /** How much open time lies between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        var total = new Duration[] {Duration.ZERO};
        walk(from, period -> {
            if (!period.start().isBefore(to)) {
                return false;
            }
            var start = later(period.start(), from);
            var end = period.end().isBefore(to) ? period.end() : to;
            if (end.isAfter(start)) {
                total[0] = total[0].plus(Duration.between(start, end));
            }
            return true;
        });
        return total[0];
    }

    /** The local hours on a date: its exception if it has one, else its weekday's. */
    public List<OpeningHours> hoursOn(LocalDate date) {
        var special = exceptions.get(date);
        return special != null ? special : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /**
     * Visits the open periods in time order, starting the day before {@code from}'s local date (a
     * period shifted by a clock change may cross midnight), until the visitor returns false.
     */
    private void walk(Instant from, Predicate<Period> visitor) {
        var date = LocalDate.ofInstant(from, zone).minusDays(1);
        int closedDays = 0;
        int giveUpAfter = exceptions.size() + 9;
        while (closedDays <= giveUpAfter) {
            var periods = periodsOn(date);
            closedDays = periods.isEmpty() ? closedDays + 1 : 0;
            for (var period : periods) {
                if (!visitor.test(period)) {
                    return;
                }
            }
            date = date.plusDays(1);
        }
        throw new IllegalStateException("The calendar has no open hours for " + giveUpAfter + " days in a row.");
    }

    private List<Period> periodsOn(LocalDate date) {
        var periods = new ArrayList<Period>();
        for (var hours : hoursOn(date)) {
            var start = ZonedDateTime.of(date, hours.opens(), zone).toInstant();
            var end = hours.untilMidnight()
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, hours.closes(), zone).toInstant();
            if (end.isAfter(start)) {
                periods.add(new Period(start, end));
            }
        }
        return periods;
    }

    private static List<OpeningHours> ordered(List<OpeningHours> hours, String day) {
        var sorted = hours.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new Refused("On " + day + ", " + sorted.get(i - 1) + " and " + sorted.get(i)
                        + " overlap; make them separate or join them into one.");
            }
        }
        return sorted;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Period(Instant start, Instant end) {}
}
