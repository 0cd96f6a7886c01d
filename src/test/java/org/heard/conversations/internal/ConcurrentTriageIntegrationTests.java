package org.heard.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.heard.IntegrationTest;
import org.heard.channels.Author;
import org.heard.channels.InboundMessage;
import org.heard.channels.InboundMessageNormalised;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationTriage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Triage re-prioritises conversations from background work (the second reading, the service-level watch) while
 * people act on them. A person's change made on a conversation loaded before triage's must neither fail nor put
 * the old priority back.
 */
@IntegrationTest
class ConcurrentTriageIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Conversations conversations;

    @Autowired
    ConversationTriage triage;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPriorityChangedWhileAnAgentActsNeitherFailsTheAgentNorIsUndone() throws Exception {
        var customer = "t-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(
                status -> events.publishEvent(new InboundMessageNormalised(0, "post-" + customer, message(customer))));
        long id = jdbc.sql("""
                        select c.id from conversations c join channel_identities i on i.id = c.identity_id
                        where i.external_id = ?
                        """).param(customer).query(Long.class).single();

        var loaded = new CountDownLatch(1);
        var triaged = new CountDownLatch(1);
        try (var threads =
                Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            var agent = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> {
                        var conversation = conversations.findById(id).orElseThrow();
                        loaded.countDown();
                        StoryLatch.waitFor(triaged, PATIENCE, "The story never let triage prioritise");
                        conversation.tag(List.of("billing"));
                        conversations.save(conversation);
                    }),
                    threads);
            assertThat(loaded.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            triage.prioritise(id, 87, "read again: a complaint about billing");
            triaged.countDown();
            agent.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        var after = conversations.findById(id).orElseThrow();
        assertThat(after.tags()).containsExactly("billing");
        assertThat(after.priority()).isEqualTo(87);
        assertThat(after.priorityReason()).isEqualTo("read again: a complaint about billing");
    }

    private static InboundMessage message(String customer) {
        return new InboundMessage(
                "sandbox",
                "heardbrand",
                "post-" + customer,
                new Author(customer, customer, "Ines", null, null),
                "@heardbrand where is my refund? " + customer,
                Visibility.PUBLIC,
                null,
                Instant.now());
    }
}
