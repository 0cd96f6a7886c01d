package org.heard.triage.hours;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.heard.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Service-level warnings and breaches for supervisors: the last day's, and live as they happen. */
@RestController
@RequestMapping("/api/triage/alerts")
@PreAuthorize("hasRole('SUPERVISOR')")
@Tag(name = "Service levels")
class ServiceLevelAlertsApi {

    /** How the API names the conversations in no queue. */
    private static final String NO_QUEUE = "none";

    private final ServiceLevelAlerts alerts;
    private final AlertBoards boards;

    ServiceLevelAlertsApi(ServiceLevelAlerts alerts, AlertBoards boards) {
        this.alerts = alerts;
        this.boards = boards;
    }

    @GetMapping
    @Operation(summary = "Warnings and breaches of the last 24 hours, newest first")
    List<ServiceLevelAlert> recent() {
        return alerts.recent();
    }

    @GetMapping("/board")
    @Operation(
            summary = "Waiting conversations close to or past a service level, by queue, as this supervisor sees them",
            description = "Counts leave out the queues this supervisor muted for their shift.")
    AlertBoard board(@AuthenticationPrincipal SignedInUser me) {
        return boards.of(me.id());
    }

    @PutMapping("/mutes/{queue}")
    @Operation(summary = "Mutes a queue's alerts for this supervisor for one shift (8 hours); 'none' is no queue")
    Mute mute(@PathVariable String queue, @AuthenticationPrincipal SignedInUser me) {
        var key = queue.equals(NO_QUEUE) ? "" : queue;
        if (!boards.known(key)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no queue " + queue + " to mute.");
        }
        return new Mute(queue, boards.mute(me.id(), key));
    }

    @DeleteMapping("/mutes/{queue}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lets a muted queue's alerts count again for this supervisor")
    void unmute(@PathVariable String queue, @AuthenticationPrincipal SignedInUser me) {
        boards.unmute(me.id(), queue.equals(NO_QUEUE) ? "" : queue);
    }

    /** A queue muted until the end of the supervisor's shift. */
    record Mute(String queue, Instant until) {}

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Live warnings and breaches as server-sent events named alert")
    SseEmitter stream() {
        return alerts.subscribe();
    }
}
