package org.heard.channels.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.heard.channels.AccountStatus;
import org.heard.channels.BrandPostFailed;
import org.heard.channels.BrandPostSent;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.OutboundMessageFailed;
import org.heard.channels.OutboundMessageSent;
import org.heard.channels.SendFailed;
import org.heard.platform.Worker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox. A failure the network may recover from is tried again with
 * exponential backoff and jitter; after {@code heard.outbox.max-attempts} the reply is marked failed
 * and an agent can send it again from the conversation.
 */
@Component
class Dispatcher extends Worker {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final OutboxStore outbox;
    private final ConnectorRegistry connectors;
    private final AccountStore accounts;
    private final ConnectedAccounts openAccounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Duration initialBackoff;
    private final int maxAttempts;
    private final Duration lease;

    Dispatcher(
            OutboxStore outbox,
            ConnectorRegistry connectors,
            AccountStore accounts,
            ConnectedAccounts openAccounts,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            MeterRegistry meters,
            @Value("${heard.outbox.initial-backoff:1s}") Duration initialBackoff,
            @Value("${heard.outbox.max-attempts:10}") int maxAttempts,
            @Value("${heard.outbox.lease:2m}") Duration lease) {
        super("heard-outbox", Duration.ofMillis(500));
        this.outbox = outbox;
        this.connectors = connectors;
        this.accounts = accounts;
        this.openAccounts = openAccounts;
        this.events = events;
        this.transactions = transactions;
        this.meters = meters;
        this.initialBackoff = initialBackoff;
        this.maxAttempts = maxAttempts;
        this.lease = lease;
        Gauge.builder("heard.outbox.depth", outbox, OutboxStore::depth).register(meters);
    }

    @Override
    protected boolean work() {
        var due = outbox.claimDue(connectors.connectedChannels(), 20, lease);
        due.forEach(this::send);
        return due.size() == 20;
    }

    private void send(OutboxStore.Entry entry) {
        var correlationId = entry.message().correlationId();
        try (var key = MDC.putCloseable("idempotencyKey", entry.message().idempotencyKey());
                var correlation = MDC.putCloseable("correlationId", correlationId)) {
            sendNow(entry);
        }
    }

    private void sendNow(OutboxStore.Entry entry) {
        var message = entry.message();
        var connector = connectors.get(message.channel());
        if (entry.interrupted() && !connector.sendsOnce()) {
            failed(
                    entry,
                    "Heard stopped while sending this reply, so it may already be on " + connector.displayName()
                            + ". Look there, and send it again only if it is missing.",
                    false,
                    null);
            return;
        }
        ChannelAccount account = null;
        if (ConnectedAccounts.hasAccounts(connector)) {
            var stored = accounts.byExternalId(message.channel(), message.account());
            if (stored.isEmpty() || stored.get().status() == AccountStatus.DISCONNECTED) {
                var name = stored.map(AccountStore.StoredAccount::name).orElse(message.account());
                failed(
                        entry,
                        ConnectedAccounts.describe(connector, name)
                                + " is not connected any more; reconnect it in Channels, then send again.",
                        false,
                        null);
                return;
            }
            try {
                account = openAccounts.open(stored.get());
            } catch (CredentialsCipher.Unreadable e) {
                failed(
                        entry,
                        ConnectedAccounts.describe(connector, stored.get().name())
                                + " cannot be used: its credentials cannot be decrypted with this key. An admin"
                                + " can fix it in Channels; then send again.",
                        false,
                        null);
                return;
            }
        }
        String externalId;
        try {
            externalId = connector.send(message, account);
        } catch (SendFailed e) {
            failed(entry, e.getMessage(), e.retryable(), e.retryAfter());
            return;
        } catch (ConnectionFailed e) {
            refusedCredentials(entry, connector, account, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("Sending reply {} failed unexpectedly", message.messageId(), e);
            failed(entry, "Unexpected error: " + e.getMessage(), true, null);
            return;
        }
        recordSent(entry, externalId);
    }

    /** The network refused the account's credentials: the account is failing until an admin fixes it. */
    private void refusedCredentials(
            OutboxStore.Entry entry, ChannelConnector connector, @Nullable ChannelAccount account, String reason) {
        if (account == null) {
            failed(entry, reason, false, null);
            return;
        }
        accounts.markFailing(account.id(), reason);
        failed(
                entry,
                ConnectedAccounts.describe(connector, account.name()) + " was refused by " + connector.displayName()
                        + ": " + reason + " Fix it in Channels, then send again.",
                false,
                null);
    }

    /** The network has the reply now: only the record of it is tried again, never the send. */
    private void recordSent(OutboxStore.Entry entry, String externalId) {
        var message = entry.message();
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    outbox.markSent(entry.id(), externalId);
                    events.publishEvent(
                            entry.post()
                                    ? new BrandPostSent(message.messageId(), externalId, Instant.now())
                                    : new OutboundMessageSent(message.messageId(), externalId, Instant.now()));
                });
                meters.counter("heard.outbox.sent", "channel", message.channel())
                        .increment();
                log.info("Reply {} sent on {} as {}", message.messageId(), message.channel(), externalId);
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    log.error(
                            "Reply {} was posted as {} but Heard could not record it; after the lease it is offered"
                                    + " again with the same idempotency key, which the network answers with this post",
                            message.messageId(),
                            externalId,
                            e);
                    return;
                }
            }
        }
    }

    private void failed(OutboxStore.Entry entry, String error, boolean retryable, @Nullable Duration retryAfter) {
        var message = entry.message();
        meters.counter("heard.outbox.failures", "channel", message.channel()).increment();
        boolean giveUp = !retryable || entry.attempts() >= maxAttempts;
        var next = giveUp ? null : Instant.now().plus(wait(entry.attempts(), retryAfter));
        log.warn(
                "Reply {} on {} not sent (attempt {}): {}{}",
                message.messageId(),
                message.channel(),
                entry.attempts(),
                error,
                giveUp ? "; waiting for an agent to retry" : "; trying again at " + next);
        transactions.executeWithoutResult(status -> {
            if (giveUp) {
                outbox.markFailed(entry.id(), error);
            } else {
                outbox.markRetry(entry.id(), error, next);
            }
            events.publishEvent(
                    entry.post()
                            ? new BrandPostFailed(message.messageId(), error, next)
                            : new OutboundMessageFailed(message.messageId(), error, next));
        });
    }

    /** The backoff, but never sooner than the network asked. */
    Duration wait(int attempt, @Nullable Duration retryAfter) {
        var backoff = backoff(attempt);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - capped / 8 + jitter);
    }
}
