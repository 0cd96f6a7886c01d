/**
 * RabbitMQ between Heard nodes, switched on with {@code heard.broker=rabbitmq}: every node has a queue of
 * its own on one topic exchange, and hears there what the other nodes broadcast (ADR 0009).
 */
package org.heard.platform.broker;
