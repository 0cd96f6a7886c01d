package org.heard.triage.hours;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.heard.platform.AllNodes;
import org.heard.platform.LiveStream;
import org.heard.triage.ServiceLevelBreached;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes each warning and breach, once it is committed, to the supervisors' open pages on every node as
 * an {@code alert} event, counts them ({@code heard_sla_breaches_total}, {@code heard_sla_warnings_total}
 * by clock), and lists the last day's for a page that has just opened. The watcher announces each clock on
 * one node only, so each is counted once across nodes.
 */
@Component
class ServiceLevelAlerts {

    private static final Duration RECENT = Duration.ofHours(24);

    private final ServiceLevelClocks clocks;
    private final Calendars calendars;
    private final Clock clock;
    private final LiveStream stream;
    private final MeterRegistry meters;

    ServiceLevelAlerts(
            ServiceLevelClocks clocks, Calendars calendars, Clock clock, MeterRegistry meters, AllNodes broadcasts) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.clock = clock;
        this.meters = meters;
        this.stream = new LiveStream("triage-alerts", meters, broadcasts);
    }

    SseEmitter subscribe() {
        return stream.subscribe();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void announced(ServiceLevelBreached event) {
        meters.counter(event.warning() ? "heard.sla.warnings" : "heard.sla.breaches", "clock", event.what())
                .increment();
        stream.publish(
                "alert",
                String.valueOf(event.conversationId()),
                ServiceLevelAlert.of(
                        event.conversationId(),
                        ClockKind.of(event.what()),
                        event.dueAt(),
                        event.warning(),
                        clock.instant(),
                        calendars.team().zone()));
    }

    /** The last day's warnings and breaches, newest first; a clock that warned and then ran out shows both. */
    List<ServiceLevelAlert> recent() {
        var zone = calendars.team().zone();
        var since = clock.instant().minus(RECENT);
        return clocks.alertedSince(since, 50).stream()
                .flatMap(c -> java.util.stream.Stream.of(
                                c.breachedAt() == null || c.breachedAt().isBefore(since)
                                        ? null
                                        : ServiceLevelAlert.of(
                                                c.conversationId(), c.kind(), c.dueAt(), false, c.breachedAt(), zone),
                                c.warnedAt() == null || c.warnedAt().isBefore(since)
                                        ? null
                                        : ServiceLevelAlert.of(
                                                c.conversationId(), c.kind(), c.dueAt(), true, c.warnedAt(), zone))
                        .filter(Objects::nonNull))
                .sorted(java.util.Comparator.comparing(ServiceLevelAlert::at).reversed())
                .toList();
    }

    @PreDestroy
    void close() {
        stream.close();
    }
}
