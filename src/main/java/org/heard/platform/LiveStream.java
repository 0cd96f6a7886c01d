package org.heard.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to every open page of one kind (the inbox, the sandbox timeline), on every node: an
 * event is {@linkplain AllNodes broadcast}, and each node sends it to the pages open on it. A comment
 * line every 15 seconds keeps proxies from closing idle streams and finds clients that went away.
 */
public final class LiveStream implements AutoCloseable {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Set<SseEmitter> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;
    private final AllNodes broadcasts;
    private final String topic;

    public LiveStream(String name, MeterRegistry meters, AllNodes broadcasts) {
        this.broadcasts = broadcasts;
        this.topic = "live." + name;
        broadcasts.receive(topic, Event.class, event -> publishHere(event.name(), event.data()));
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("heard-" + name + "-heartbeat")
                .daemon()
                .factory());
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        Gauge.builder("heard.live.clients", clients, Set::size)
                .tag("stream", name)
                .register(meters);
    }

    /** A new client; the stream stays open until the client leaves or an hour passes. */
    public SseEmitter subscribe() {
        var emitter = new SseEmitter(Duration.ofHours(1).toMillis());
        clients.add(emitter);
        emitter.onCompletion(() -> clients.remove(emitter));
        // Ending the stream ourselves at its time limit lets the browser reconnect quietly instead of
        // Spring answering an already-streaming response with a timeout error.
        emitter.onTimeout(() -> {
            clients.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> clients.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(2000));
        } catch (IOException e) {
            clients.remove(emitter);
        }
        return emitter;
    }

    /** Sends one event to every client on every node. */
    public void publish(String name, Object data) {
        publish(name, name, data);
    }

    /** Sends one event about something (a conversation's id, say) to every client on every node. */
    public void publish(String name, String about, Object data) {
        broadcasts.send(topic, about, new Event(name, data));
    }

    /**
     * Sends one event to the clients on this node only, for what every node finds out by itself; a client
     * that cannot take it is dropped.
     */
    public void publishHere(String name, Object data) {
        var event = SseEmitter.event().name(name).data(data);
        var built = event.build();
        for (var client : clients) {
            try {
                client.send(built);
            } catch (IOException | IllegalStateException e) {
                clients.remove(client);
            }
        }
    }

    public int clients() {
        return clients.size();
    }

    private void beat() {
        for (var client : clients) {
            try {
                client.send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException e) {
                clients.remove(client);
            }
        }
    }

    /** An event as it travels between nodes; its data arrives as JSON's maps, lists and values. */
    public record Event(String name, Object data) {}

    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.forEach(SseEmitter::complete);
    }
}
