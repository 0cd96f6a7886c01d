package org.heard.triage.hours;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Service-level warnings and breaches for supervisors: the last day's, and live as they happen. */
@RestController
@RequestMapping("/api/triage/alerts")
@PreAuthorize("hasRole('SUPERVISOR')")
@Tag(name = "Service levels")
class ServiceLevelAlertsApi {

    private final ServiceLevelAlerts alerts;

    ServiceLevelAlertsApi(ServiceLevelAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Warnings and breaches of the last 24 hours, newest first")
    List<ServiceLevelAlert> recent() {
        return alerts.recent();
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Live warnings and breaches as server-sent events named alert")
    SseEmitter stream() {
        return alerts.subscribe();
    }
}
