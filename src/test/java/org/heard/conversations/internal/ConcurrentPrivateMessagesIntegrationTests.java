package org.heard.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.heard.IntegrationTest;
import org.heard.channels.Author;
import org.heard.channels.InboundMessage;
import org.heard.channels.InboundMessageNormalised;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes thread a customer's two quick private messages at the same moment, each in the transaction that takes
 * its delivery from the inbound log: they must not open two conversations. The database lets one win; the other's
 * transaction fails, its delivery stays in the log, and when it is taken again it joins the winner's conversation.
 */
@IntegrationTest
class ConcurrentPrivateMessagesIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoPrivateMessagesThreadedAtOnceEndInOneConversation() throws Exception {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        // Heard knows the customer already, so both nodes find their profile and neither finds an open chat.
        transactions.executeWithoutResult(
                status -> thread(message(customer, "post-", Visibility.PUBLIC, minutesAgo(3))));

        var firstThreaded = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        var latest = message(customer, "latest-", Visibility.PRIVATE, minutesAgo(1));
        // A thread of its own for each node: the common pool of a two-core machine runs one task at a time.
        try (var nodes = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            var firstNode = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> {
                        thread(message(customer, "first-", Visibility.PRIVATE, minutesAgo(2)));
                        firstThreaded.countDown();
                        StoryLatch.waitFor(commitFirst, PATIENCE, "The story never let the first node commit");
                    }),
                    nodes);
            assertThat(firstThreaded.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();

            var secondNode = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> thread(latest)), nodes);
            // The second node's new conversation waits on the first node's, which the database has not yet decided.
            await().atMost(PATIENCE).until(() -> jdbc.sql("""
                                    select count(*) from pg_stat_activity
                                    where wait_event_type = 'Lock' and query like 'insert into conversations%'
                                    """).query(Long.class).single() == 1);
            commitFirst.countDown();
            firstNode.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThatThrownBy(() -> secondNode.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(messagesIn(customer, Visibility.PRIVATE)).containsExactly("first-" + customer);

        // The delivery is taken from the inbound log again, as its transaction never marked it processed.
        transactions.executeWithoutResult(status -> thread(latest));
        assertThat(messagesIn(customer, Visibility.PRIVATE)).containsExactly("first-" + customer, "latest-" + customer);
    }

    private void thread(InboundMessage message) {
        events.publishEvent(new InboundMessageNormalised(0, message.externalId(), message));
    }

    /** The network ids of the customer's messages, by conversation of this visibility, of which there is one. */
    private List<String> messagesIn(String customer, Visibility visibility) {
        var conversations = jdbc.sql("""
                        select c.id from conversations c join channel_identities i on i.id = c.identity_id
                        where i.external_id = ? and c.visibility = ?
                        """)
                .params(customer, visibility.name())
                .query(Long.class)
                .list();
        assertThat(conversations).hasSize(1);
        return jdbc.sql("select external_id from messages where conversation_id = ? order by sent_at, id")
                .param(conversations.getFirst())
                .query(String.class)
                .list();
    }

    private static InboundMessage message(String customer, String prefix, Visibility visibility, Instant sentAt) {
        return new InboundMessage(
                "sandbox",
                "heardbrand",
                prefix + customer,
                new Author(customer, customer, "Pablo", null, null),
                "Hello? " + prefix + customer,
                visibility,
                null,
                sentAt);
    }

    private static Instant minutesAgo(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes));
    }
}
