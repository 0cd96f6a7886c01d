package org.heard.triage.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;

/** Stories of a care team's week, told with fixed instants so every run sees the same clock. */
class BusinessCalendarTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A London team open 08:00–12:00 and 13:00–18:00, Monday to Friday, with a lunch break. */
    final BusinessCalendar london = weekdays(LONDON, "08:00-12:00", "13:00-18:00");

    @Test
    void theTeamIsOpenInItsHoursAndClosedAtLunchAndAtTheWeekend() {
        assertThat(london.isOpen(at(LONDON, "2026-01-05T10:00"))).isTrue();
        assertThat(london.isOpen(at(LONDON, "2026-01-05T08:00"))).isTrue();
        assertThat(london.isOpen(at(LONDON, "2026-01-05T12:30"))).isFalse();
        assertThat(london.isOpen(at(LONDON, "2026-01-05T18:00"))).isFalse();
        assertThat(london.isOpen(at(LONDON, "2026-01-10T10:00"))).isFalse();
    }

    @Test
    void aCustomerWritingOnFridayEveningHearsTheTeamOpensOnMondayMorning() {
        assertThat(london.nextOpening(at(LONDON, "2026-01-09T18:30"))).contains(at(LONDON, "2026-01-12T08:00"));
        assertThat(london.nextOpening(at(LONDON, "2026-01-05T12:15"))).contains(at(LONDON, "2026-01-05T13:00"));
        assertThat(london.nextOpening(at(LONDON, "2026-01-05T10:00"))).contains(at(LONDON, "2026-01-05T10:00"));
    }

    @Test
    void anHourOfBusinessTimeSkipsLunchAndTheWeekend() {
        assertThat(london.plus(at(LONDON, "2026-01-05T11:30"), Duration.ofHours(1)))
                .isEqualTo(at(LONDON, "2026-01-05T13:30"));
        assertThat(london.plus(at(LONDON, "2026-01-09T17:30"), Duration.ofHours(1)))
                .isEqualTo(at(LONDON, "2026-01-12T08:30"));
        assertThat(london.plus(at(LONDON, "2026-01-10T15:00"), Duration.ofMinutes(30)))
                .as("a message on Saturday starts counting when the team opens")
                .isEqualTo(at(LONDON, "2026-01-12T08:30"));
        assertThat(london.plus(at(LONDON, "2026-01-05T08:00"), Duration.ofHours(9)))
                .as("a whole business day")
                .isEqualTo(at(LONDON, "2026-01-05T18:00"));
    }

    @Test
    void theBusinessTimeBetweenTwoInstantsCountsOnlyOpenHours() {
        assertThat(london.between(at(LONDON, "2026-01-09T17:00"), at(LONDON, "2026-01-12T09:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(london.between(at(LONDON, "2026-01-05T11:00"), at(LONDON, "2026-01-05T14:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(london.between(at(LONDON, "2026-01-10T09:00"), at(LONDON, "2026-01-11T20:00")))
                .isZero();
        assertThat(london.between(at(LONDON, "2026-01-05T14:00"), at(LONDON, "2026-01-05T11:00")))
                .isZero();
    }

    @Test
    void opensAtNineLocalTimeOnBothSidesOfLondonsSpringForward() {
        var nineToFive = weekdays(LONDON, "09:00-17:00");
        // Friday 27 March 2026 is in GMT; the clocks go forward on Sunday 29 March.
        var friday = at(LONDON, "2026-03-27T16:00");
        assertThat(friday).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));

        var due = nineToFive.plus(friday, Duration.ofHours(2));

        assertThat(due).isEqualTo(Instant.parse("2026-03-30T09:00:00Z")).isEqualTo(at(LONDON, "2026-03-30T10:00"));
        assertThat(nineToFive.nextOpening(friday.plus(Duration.ofHours(2))))
                .contains(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void roundTheClockCountsTheShortSpringDayAndTheLongAutumnDayAsTheyReallyLast() {
        var londonAllDay = BusinessCalendar.roundTheClock(LONDON);
        assertThat(londonAllDay.between(at(LONDON, "2026-03-29T00:00"), at(LONDON, "2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));

        var newYorkAllDay = BusinessCalendar.roundTheClock(NEW_YORK);
        assertThat(newYorkAllDay.between(at(NEW_YORK, "2026-10-31T00:00"), at(NEW_YORK, "2026-11-02T00:00")))
                .isEqualTo(Duration.ofHours(49));
        assertThat(newYorkAllDay.plus(at(NEW_YORK, "2026-11-01T00:00"), Duration.ofHours(25)))
                .isEqualTo(at(NEW_YORK, "2026-11-02T00:00"));
    }

    @Test
    void anIntervalInTheHourNewYorkSkipsNeverOpensAndTheRepeatedHourIsOpenTwice() {
        var weekly = new EnumMap<DayOfWeek, List<OpeningHours>>(DayOfWeek.class);
        weekly.put(DayOfWeek.SUNDAY, List.of(OpeningHours.parse("02:00-03:00")));
        weekly.put(DayOfWeek.MONDAY, List.of(OpeningHours.parse("09:00-10:00")));
        var calendar = new BusinessCalendar(NEW_YORK, weekly, Map.of());

        // 8 March 2026: 02:00 jumps to 03:00, so Sunday's hour does not exist.
        assertThat(calendar.nextOpening(at(NEW_YORK, "2026-03-07T12:00"))).contains(at(NEW_YORK, "2026-03-09T09:00"));

        var fallBack = new BusinessCalendar(
                NEW_YORK, Map.of(DayOfWeek.SUNDAY, List.of(OpeningHours.parse("01:00-02:00"))), Map.of());
        // 1 November 2026: 01:00–02:00 happens twice, so the team is open for two real hours.
        assertThat(fallBack.between(at(NEW_YORK, "2026-10-31T12:00"), at(NEW_YORK, "2026-11-01T12:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void hoursRunningToMidnightJoinTheNextMorningsHoursWithoutAGap() {
        var lateAndEarly = new BusinessCalendar(
                LONDON,
                Map.of(
                        DayOfWeek.MONDAY, List.of(OpeningHours.parse("22:00-24:00")),
                        DayOfWeek.TUESDAY, List.of(OpeningHours.parse("00:00-02:00"))),
                Map.of());

        assertThat(lateAndEarly.plus(at(LONDON, "2026-01-05T23:00"), Duration.ofHours(2)))
                .isEqualTo(at(LONDON, "2026-01-06T01:00"));
        assertThat(lateAndEarly.between(at(LONDON, "2026-01-05T21:00"), at(LONDON, "2026-01-06T03:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(lateAndEarly.isOpen(at(LONDON, "2026-01-06T00:00"))).isTrue();
    }

    @Test
    void aHolidayClosesTheDayAndChristmasEveHasItsOwnShortHours() {
        var christmas = new BusinessCalendar(
                LONDON,
                weekdays(LONDON, "09:00-17:00").weekly(),
                Map.of(
                        LocalDate.parse("2026-12-24"), List.of(OpeningHours.parse("09:00-13:00")),
                        LocalDate.parse("2026-12-25"), List.of()));

        assertThat(christmas.isOpen(at(LONDON, "2026-12-24T14:00"))).isFalse();
        assertThat(christmas.isOpen(at(LONDON, "2026-12-24T12:00"))).isTrue();
        assertThat(christmas.nextOpening(at(LONDON, "2026-12-24T13:00"))).contains(at(LONDON, "2026-12-28T09:00"));
        assertThat(christmas.plus(at(LONDON, "2026-12-24T12:00"), Duration.ofHours(2)))
                .isEqualTo(at(LONDON, "2026-12-28T10:00"));
    }

    @Test
    void aRoundTheClockTeamStillClosesOnItsHolidays() {
        var allDay = BusinessCalendar.roundTheClock(LONDON);
        var withHoliday =
                new BusinessCalendar(LONDON, allDay.weekly(), Map.of(LocalDate.parse("2026-12-25"), List.of()));

        assertThat(withHoliday.isOpen(at(LONDON, "2026-12-24T23:59"))).isTrue();
        assertThat(withHoliday.isOpen(at(LONDON, "2026-12-25T12:00"))).isFalse();
        assertThat(withHoliday.nextOpening(at(LONDON, "2026-12-25T12:00"))).contains(at(LONDON, "2026-12-26T00:00"));
    }

    @Test
    void overlappingHoursAndImpossibleTimesAreRefusedWithWordsASupervisorCanActOn() {
        assertThatThrownBy(() -> weekdays(LONDON, "09:00-13:00", "12:00-17:00"))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("09:00-13:00 and 12:00-17:00 overlap");
        assertThatThrownBy(() -> OpeningHours.parse("25:00-26:00"))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OpeningHours.parse("17:00-09:00"))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("run forward");
        assertThatThrownBy(() -> OpeningHours.parse("nine to five")).hasMessageContaining("HH:MM-HH:MM");
        assertThatThrownBy(() -> new BusinessCalendar(LONDON, Map.of(), Map.of()))
                .hasMessageContaining("at least one day a week");
    }

    static BusinessCalendar weekdays(ZoneId zone, String... intervals) {
        var hours = Arrays.stream(intervals).map(OpeningHours::parse).toList();
        var weekly = new EnumMap<DayOfWeek, List<OpeningHours>>(DayOfWeek.class);
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(day, hours);
        }
        return new BusinessCalendar(zone, weekly, Map.of());
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
