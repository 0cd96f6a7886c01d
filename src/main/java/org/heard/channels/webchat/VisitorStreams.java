package org.heard.channels.webchat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.heard.platform.AllNodes;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open widgets on this node, by account and visitor. A reply is pushed to the visitor's widgets the
 * moment it is sent, on whichever node they are open (the push is broadcast); a widget that reconnects
 * catches up from the transcript with {@code Last-Event-ID}, so nothing depends on one node's memory.
 */
@Component
class VisitorStreams {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final Map<String, Set<SseEmitter>> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("heard-webchat-heartbeat").daemon().factory());

    private final AllNodes broadcasts;

    /** A reply for a visitor, as it travels between nodes. */
    public record Pushed(String account, String visitor, Transcripts.Line line) {}

    VisitorStreams(MeterRegistry meters, AllNodes broadcasts) {
        this.broadcasts = broadcasts;
        broadcasts.receive("webchat", Pushed.class, p -> pushHere(p.account(), p.visitor(), p.line()));
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        Gauge.builder("heard.live.clients", this, VisitorStreams::count)
                .tag("stream", "webchat")
                .register(meters);
    }

    SseEmitter open(String account, String visitor) {
        var emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        var key = key(account, visitor);
        open.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable leave = () -> leave(key, emitter);
        emitter.onCompletion(leave);
        emitter.onError(e -> leave.run());
        emitter.onTimeout(() -> {
            leave.run();
            emitter.complete();
        });
        // The first bytes go out at once: until a browser has them it does not count the stream open, and the
        // widget reads what it missed only when it opens.
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        } catch (IOException e) {
            leave.run();
        }
        return emitter;
    }

    void push(String account, String visitor, Transcripts.Line line) {
        broadcasts.send("webchat", account, new Pushed(account, visitor, line));
    }

    private void pushHere(String account, String visitor, Transcripts.Line line) {
        var emitters = open.get(key(account, visitor));
        if (emitters == null) {
            return;
        }
        for (var emitter : emitters) {
            send(emitter, line);
        }
    }

    static boolean send(SseEmitter emitter, Transcripts.Line line) {
        try {
            emitter.send(SseEmitter.event()
                    .id(String.valueOf(line.id()))
                    .name("line")
                    .data(Map.of(
                            "id", line.id(),
                            "side", line.side().name(),
                            "text", line.text(),
                            "at", line.at().toString())));
            return true;
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
            return false;
        }
    }

    int count() {
        return open.values().stream().mapToInt(Set::size).sum();
    }

    private void leave(String key, SseEmitter emitter) {
        open.computeIfPresent(key, (k, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
        });
    }

    private void beat() {
        open.forEach((key, emitters) -> emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException gone) {
                leave(key, emitter);
            }
        }));
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        open.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
    }

    private static String key(String account, String visitor) {
        return account + "\n" + visitor;
    }
}
