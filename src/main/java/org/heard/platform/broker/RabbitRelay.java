package org.heard.platform.broker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.heard.platform.AllNodes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Relays this node's broadcasts to the topic exchange, and hands what other nodes sent there to this
 * node. One sender thread publishes on one channel and one consumer reads this node's queue, so every
 * node hears another's broadcasts in the order they were sent. Callers never wait for the broker: a
 * broadcast that cannot be sent (the broker is down, or thousands wait) is counted and dropped.
 */
final class RabbitRelay implements AllNodes.Relay, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RabbitRelay.class);
    static final String TOPIC_HEADER = "heard-topic";
    static final String NODE_HEADER = "heard-node";
    private static final int WAITING = 10_000;

    private final RabbitTemplate rabbit;
    private final SimpleMessageListenerContainer listener;
    private final String exchange;
    private final String node;
    private final BlockingQueue<Outgoing> outgoing = new ArrayBlockingQueue<>(WAITING);
    private final Counter dropped;
    private volatile AllNodes.@Nullable Arrivals arrivals;
    private volatile boolean running;
    private boolean failing;
    private @Nullable Thread sender;

    RabbitRelay(
            RabbitTemplate rabbit,
            ConnectionFactory connections,
            AmqpAdmin admin,
            Queue mine,
            String exchange,
            String node,
            MeterRegistry meters) {
        this.rabbit = rabbit;
        this.exchange = exchange;
        this.node = node;
        this.dropped = Counter.builder("heard.broadcasts.dropped")
                .description("Broadcasts to other nodes that could not be sent")
                .register(meters);
        this.listener = new SimpleMessageListenerContainer(connections);
        listener.setQueues(mine);
        // One consumer: what one node sent is handed over in the order it was sent.
        listener.setConcurrentConsumers(1);
        listener.setPrefetchCount(250);
        listener.setMessageListener(this::received);
        listener.setAmqpAdmin(admin);
        listener.afterPropertiesSet();
    }

    @Override
    public void connect(AllNodes.Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    @Override
    public void relay(String topic, String key, byte[] body) {
        var properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(TOPIC_HEADER, topic);
        properties.setHeader(NODE_HEADER, node);
        if (!outgoing.offer(new Outgoing(topic + "." + key, new Message(body, properties)))) {
            dropped.increment();
        }
    }

    private void received(Message message) {
        var properties = message.getMessageProperties();
        var target = arrivals;
        if (target == null || node.equals(properties.getHeader(NODE_HEADER))) {
            return;
        }
        String topic = properties.getHeader(TOPIC_HEADER);
        if (topic != null) {
            target.arrived(topic, message.getBody());
        }
    }

    private void sendLoop() {
        var batch = new ArrayList<Outgoing>();
        while (running || !outgoing.isEmpty()) {
            try {
                var first = outgoing.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outgoing.drainTo(batch, 500);
                publish(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void publish(ArrayList<Outgoing> batch) {
        try {
            // One channel for the whole batch keeps the batch's order on the broker.
            rabbit.invoke(channel -> {
                for (var each : batch) {
                    channel.send(exchange, each.routingKey(), each.message());
                }
                return null;
            });
            if (failing) {
                failing = false;
                log.info("Broadcasts reach the other nodes again");
            }
        } catch (AmqpException e) {
            dropped.increment(batch.size());
            // Once per outage, not once per broadcast: heard_broadcasts_dropped_total counts them all.
            if (!failing) {
                failing = true;
                log.warn("Broadcasts to other nodes are dropped until the broker answers again: {}", e.toString());
            }
        }
    }

    private record Outgoing(String routingKey, Message message) {}

    @Override
    public void start() {
        running = true;
        sender = Thread.ofPlatform().name("heard-broadcasts").daemon().start(this::sendLoop);
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
        listener.destroy();
        running = false;
        var thread = sender;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
