package org.heard.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every Heard node what lives in nodes' memory rather than in the database: live-page events and
 * who is viewing a conversation. A broadcast reaches this node's receivers at once; with a broker
 * ({@code heard.broker=rabbitmq}, see ADR 0009) it also reaches every other node's, in the order this node
 * sent them. Other nodes hear it at most once: what is broadcast is seconds-old by nature, and a page that
 * missed an event reads the database when it reconnects. Work that must not be lost never goes this way;
 * it is a row in PostgreSQL (the inbound log, the outbox) that one node claims.
 */
@Component
public class AllNodes {

    private static final Logger log = LoggerFactory.getLogger(AllNodes.class);

    private final Map<String, List<Receiver<?>>> receivers = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final Relay relay;

    @Autowired
    AllNodes(JsonMapper json, ObjectProvider<Relay> relay) {
        this(json, relay.getIfAvailable(() -> Relay.NONE));
    }

    AllNodes(JsonMapper json, Relay relay) {
        this.json = json;
        this.relay = relay;
        relay.connect(this::arrived);
    }

    /** Reaches this node only, as on a single node; for tests of one part. */
    public static AllNodes thisNodeOnly() {
        return new AllNodes(JsonMapper.builder().build(), Relay.NONE);
    }

    /**
     * Sends a payload on a topic to every node, this one included. The key names what it is about (a
     * conversation's id): a broker routes by it.
     */
    public void send(String topic, String key, Object payload) {
        for (var receiver : receivers.getOrDefault(topic, List.of())) {
            receiver.take(payload);
        }
        if (reachesOtherNodes()) {
            relay.relay(topic, key, json.writeValueAsBytes(payload));
        }
    }

    /** Calls the receiver with every payload sent on the topic, by this node or another. */
    public <T> void receive(String topic, Class<T> type, Consumer<T> receiver) {
        receivers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(new Receiver<>(type, receiver));
    }

    /** Whether other nodes hear this node's broadcasts. */
    public boolean reachesOtherNodes() {
        return relay != Relay.NONE;
    }

    /** A broadcast from another node. */
    private void arrived(String topic, byte[] body) {
        for (var receiver : receivers.getOrDefault(topic, List.of())) {
            try {
                receiver.takeJson(json, body);
            } catch (JacksonException e) {
                log.warn("A broadcast on {} from another node could not be read: {}", topic, e.getOriginalMessage());
            }
        }
    }

    private record Receiver<T>(Class<T> type, Consumer<T> consumer) {

        void take(Object payload) {
            try {
                consumer.accept(type.cast(payload));
            } catch (RuntimeException e) {
                log.warn("A receiver of a {} failed", type.getSimpleName(), e);
            }
        }

        void takeJson(JsonMapper json, byte[] body) {
            take(json.readValue(body, type));
        }
    }

    /**
     * Carries broadcasts to the other nodes: a broker when one is configured. It hands what the other
     * nodes sent to the receiver given to {@link #connect}, never this node's own.
     */
    public interface Relay {

        Relay NONE = new Relay() {
            @Override
            public void connect(Arrivals arrivals) {}

            @Override
            public void relay(String topic, String key, byte[] body) {}
        };

        void connect(Arrivals arrivals);

        void relay(String topic, String key, byte[] body);
    }

    /** What another node broadcast: its topic and its JSON. */
    @FunctionalInterface
    public interface Arrivals {
        void arrived(String topic, byte[] body);
    }
}
