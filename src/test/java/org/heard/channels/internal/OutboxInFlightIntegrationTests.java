package org.heard.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox remembers a send that was started and never finished, across claims, in PostgreSQL. */
@IntegrationTest
class OutboxInFlightIntegrationTests {

    /** No connector has this name, so Heard's own dispatcher never claims these entries. */
    private static final String[] NOWHERE = {"nowhere"};

    @Autowired
    OutboxStore outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClaimWhoseEarlierSendNeverFinishedSaysSoUntilAnOutcomeIsRecorded() {
        long id = entry();

        var first = claim(id);
        assertThat(first.interrupted()).isFalse();

        var afterACrash = claim(id);
        assertThat(afterACrash.interrupted())
                .as("the first claim never recorded an outcome")
                .isTrue();

        outbox.markRetry(id, "503 from the network", Instant.now());
        assertThat(claim(id).interrupted())
                .as("a recorded failure is an outcome")
                .isFalse();
    }

    private long entry() {
        var key = "in-flight-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox (channel, account, idempotency_key, message_id, text, private)
                        values ('nowhere', 'brand', ?, 0, 'Sorry about that.', false)
                        """).param(key).update();
        return jdbc.sql("select id from outbox where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    /** Claims with no lease, so the entry is due again at once, as after a lease ran out. */
    private OutboxStore.Entry claim(long id) {
        return outbox.claimDue(NOWHERE, 100, Duration.ZERO).stream()
                .filter(entry -> entry.id() == id)
                .findFirst()
                .orElseThrow();
    }
}
