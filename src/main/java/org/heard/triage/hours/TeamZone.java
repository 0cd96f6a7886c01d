package org.heard.triage.hours;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.heard.platform.TeamTimeZone;
import org.springframework.stereotype.Component;

/** The team's time zone is the zone of its opening hours, as supervisors set them on the Hours page. */
@Component
class TeamZone implements TeamTimeZone {

    private final Calendars calendars;

    TeamZone(Calendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public ZoneId zone() {
        return calendars.settings(null).map(s -> ZoneId.of(s.zone())).orElse(ZoneOffset.UTC);
    }
}
