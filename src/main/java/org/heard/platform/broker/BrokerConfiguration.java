package org.heard.platform.broker;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker between nodes, when {@code heard.broker=rabbitmq}. Each node declares a queue of its own
 * that lives as long as its connection (exclusive, auto-deleted), bound to one topic exchange for all
 * routing keys: every node hears every broadcast. Broadcasts are seconds-old by nature, so the queue keeps
 * them a minute at most and never more than {@code heard.broadcasts.queue-limit}, dropping the oldest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "heard.broker", havingValue = "rabbitmq")
class BrokerConfiguration {

    private final String exchange;
    private final String node;

    BrokerConfiguration(
            @Value("${heard.broadcasts.exchange:heard.broadcasts}") String exchange,
            @Value("${heard.node-name:}") String nodeName) {
        this.exchange = exchange;
        // The name says which node a queue belongs to; the suffix keeps two nodes of one name apart.
        this.node = (nodeName.isBlank() ? hostName() : nodeName) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean
    TopicExchange broadcastExchange() {
        return new TopicExchange(exchange, true, false);
    }

    @Bean
    Queue nodeQueue(@Value("${heard.broadcasts.queue-limit:100000}") int limit) {
        return QueueBuilder.nonDurable("heard.node." + node)
                .exclusive()
                .autoDelete()
                .ttl(60_000)
                .maxLength(limit)
                .build();
    }

    @Bean
    Binding nodeQueueHearsAll(Queue nodeQueue, TopicExchange broadcastExchange) {
        return BindingBuilder.bind(nodeQueue).to(broadcastExchange).with("#");
    }

    @Bean
    RabbitRelay rabbitRelay(
            RabbitTemplate rabbit,
            ConnectionFactory connections,
            AmqpAdmin admin,
            Queue nodeQueue,
            MeterRegistry meters) {
        return new RabbitRelay(rabbit, connections, admin, nodeQueue, exchange, node, meters);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "heard";
        }
    }
}
