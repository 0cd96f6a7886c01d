package org.heard.channels.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.internal.AccountStore.StoredAccount;
import org.heard.platform.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the networks that send no webhooks what is new, for every connected account whose poll is due.
 * The network is called outside any transaction; what it found goes into the inbound event log in the
 * same transaction that moves the account's cursor, so a crash repeats a poll and never skips one, and
 * the log's delivery key makes the repeat harmless. A network that limits Heard is polled again no
 * sooner than it asked; one that refuses the credentials marks the account failing.
 */
@Component
class Poller extends Worker {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    static final int BATCH = 10;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final AccountStore store;
    private final ConnectedAccounts accounts;
    private final ConnectorRegistry connectors;
    private final InboundLog inboundLog;
    private final InboundProcessor processor;
    private final TransactionTemplate transactions;
    private final Duration afterError;

    Poller(
            AccountStore store,
            ConnectedAccounts accounts,
            ConnectorRegistry connectors,
            InboundLog inboundLog,
            InboundProcessor processor,
            TransactionTemplate transactions,
            @Value("${heard.polling.idle:1s}") Duration idle,
            @Value("${heard.polling.after-error:1m}") Duration afterError) {
        super("heard-poller", idle);
        this.store = store;
        this.accounts = accounts;
        this.connectors = connectors;
        this.inboundLog = inboundLog;
        this.processor = processor;
        this.transactions = transactions;
        this.afterError = afterError;
    }

    @Override
    protected boolean work() {
        var channels = Arrays.stream(connectors.connectedChannels())
                .filter(channel -> connectors.get(channel).polls())
                .toArray(String[]::new);
        if (channels.length == 0) {
            return false;
        }
        var due = store.claimDuePolls(channels, BATCH, LEASE);
        due.forEach(this::poll);
        return due.size() == BATCH;
    }

    private void poll(StoredAccount account) {
        try (var ignored = MDC.putCloseable("account", account.channel() + ":" + account.id())) {
            pollNow(account);
        }
    }

    private void pollNow(StoredAccount stored) {
        var connector = connectors.get(stored.channel());
        try {
            var result = connector.poll(accounts.open(stored), stored.pollCursor());
            record(connector, stored, result);
        } catch (CredentialsCipher.Unreadable e) {
            // the account is marked failing; the admin sees why on the Channels page
        } catch (SendFailed e) {
            if (e.retryable()) {
                var wait = e.retryAfter() == null ? afterError : e.retryAfter();
                log.info("Polling {} account {} again in {}: {}", stored.channel(), stored.id(), wait, e.getMessage());
                store.pollAgainAt(stored.id(), Instant.now().plus(wait));
            } else {
                failing(stored, e.getMessage());
            }
        } catch (ConnectionFailed e) {
            failing(stored, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Polling {} account {} failed; trying again in {}", stored.channel(), stored.id(), afterError, e);
            store.pollAgainAt(stored.id(), Instant.now().plus(afterError));
        }
    }

    private void record(ChannelConnector connector, StoredAccount stored, Poll result) {
        for (var delivery : result.deliveries()) {
            if (!delivery.account().equals(stored.externalId())) {
                throw new IllegalStateException(connector.displayName() + " answered a poll of account " + stored.id()
                        + " with a delivery for another account");
            }
        }
        Integer recorded = transactions.execute(status -> {
            int fresh = inboundLog.record(stored.channel(), result.deliveries());
            store.polled(stored.id(), result.cursor(), Instant.now().plus(result.next()));
            return fresh;
        });
        if (recorded != null && recorded > 0) {
            log.debug("Poll of {} account {} found {} new", stored.channel(), stored.id(), recorded);
            processor.nudge();
        }
    }

    private void failing(StoredAccount stored, String reason) {
        log.warn("{} account {} refused while polling: {}", stored.channel(), stored.id(), reason);
        store.markFailing(stored.id(), reason);
    }
}
