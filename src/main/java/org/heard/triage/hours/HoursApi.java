package org.heard.triage.hours;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team's hours, queues' own hours, away replies and while-you-wait updates. Everyone in the team
 * may read them; supervisors change them.
 */
@RestController
@RequestMapping("/api/triage/hours")
@Tag(name = "Service levels")
class HoursApi {

    private final Calendars calendars;
    private final AwayTexts awayTexts;
    private final WaitUpdateThresholds waitUpdates;
    private final ResponseTimes responseTimes;

    HoursApi(Calendars calendars, AwayTexts awayTexts, WaitUpdateThresholds waitUpdates, ResponseTimes responseTimes) {
        this.calendars = calendars;
        this.awayTexts = awayTexts;
        this.waitUpdates = waitUpdates;
        this.responseTimes = responseTimes;
    }

    /** Away reply texts; {opening} becomes when the team is back. */
    record AwayForm(@Nullable String publicText, @Nullable String privateText) {}

    /** A while-you-wait update: after how long (30m, 2h, PT2H) and what it says in public and in private. */
    record WaitUpdateForm(
            @Nullable String after,
            @Nullable String publicText,
            @Nullable String privateText) {

        WaitUpdateThresholds.WaitUpdate update() {
            return new WaitUpdateThresholds.WaitUpdate(0, DurationText.parse(after, "after"), publicText, privateText);
        }

        static WaitUpdateForm of(WaitUpdateThresholds.WaitUpdate update) {
            return new WaitUpdateForm(DurationText.format(update.after()), update.publicText(), update.privateText());
        }
    }

    @GetMapping
    @Operation(summary = "The team's time zone, weekly hours and special days")
    HoursForm team() {
        return HoursForm.of(calendars.settings(null).orElseThrow());
    }

    @PutMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(
            summary = "Replace the team's hours (weekly hours like 09:00-17:00; a special day without hours is closed)")
    HoursForm changeTeam(@RequestBody HoursForm form) {
        calendars.save(null, form.settings());
        responseTimes.refresh();
        return team();
    }

    @GetMapping("/queues/{queue}")
    @Operation(summary = "A queue's own hours, if it has them")
    ResponseEntity<HoursForm> queue(@PathVariable String queue) {
        return ResponseEntity.of(calendars.settings(queue).map(HoursForm::of));
    }

    @PutMapping("/queues/{queue}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Give a queue hours of its own")
    HoursForm changeQueue(@PathVariable String queue, @RequestBody HoursForm form) {
        calendars.save(queue, form.settings());
        return HoursForm.of(calendars.settings(queue).orElseThrow());
    }

    @DeleteMapping("/queues/{queue}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "The queue follows the team's hours again")
    ResponseEntity<Void> removeQueue(@PathVariable String queue) {
        calendars.removeQueueCalendar(queue);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @GetMapping("/away-replies")
    @Operation(summary = "What customers hear when they write while the team is closed")
    AwayForm away() {
        var texts = awayTexts.texts();
        return new AwayForm(texts.publicText(), texts.privateText());
    }

    @PutMapping("/away-replies")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Change the away replies; {opening} becomes when the team is back")
    AwayForm changeAway(@RequestBody AwayForm form) {
        awayTexts.save(new AwayTexts.Texts(form.publicText(), form.privateText()));
        return away();
    }

    @GetMapping("/wait-updates")
    @Operation(summary = "The still-on-it updates and after how long, in business time, they go out")
    List<WaitUpdateForm> waitUpdates() {
        return waitUpdates.all().stream().map(WaitUpdateForm::of).toList();
    }

    @PutMapping("/wait-updates")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Replace the still-on-it updates (an empty list sends none)")
    List<WaitUpdateForm> changeWaitUpdates(@RequestBody List<WaitUpdateForm> forms) {
        waitUpdates.replace(forms.stream().map(WaitUpdateForm::update).toList());
        return waitUpdates();
    }
}
