package org.heard.channels.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.heard.channels.ChannelConnector;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node died while a reply was being sent. On a network that would post it twice, Heard does not send
 * it again by itself; on one that makes a repeat harmless, it does.
 */
class InterruptedSendTests {

    private final OutboxStore outbox = mock(OutboxStore.class);
    private final ChannelConnector network = mock(ChannelConnector.class);

    private Dispatcher dispatcher() {
        when(network.channel()).thenReturn("chatline");
        when(network.displayName()).thenReturn("Chatline");
        return new Dispatcher(
                outbox,
                new ConnectorRegistry(List.of(network), mock(AccountStore.class), mock(ConnectedAccounts.class)),
                mock(AccountStore.class),
                mock(ConnectedAccounts.class),
                mock(ApplicationEventPublisher.class),
                new TransactionTemplate(new NoTransactions()),
                new SimpleMeterRegistry(),
                Duration.ofSeconds(1),
                10,
                Duration.ofMinutes(2));
    }

    private static OutboxStore.Entry cutOff(boolean interrupted) {
        return new OutboxStore.Entry(
                7,
                2,
                interrupted,
                false,
                new OutboundMessage(
                        "chatline",
                        "brand",
                        "heard-message-70",
                        70,
                        "Sorry, we are on it.",
                        Visibility.PUBLIC,
                        "p-1",
                        null));
    }

    @Test
    void aReplyCutOffMidSendIsNotSentAgainWhereTheNetworkWouldPostItTwice() throws SendFailed {
        var dispatcher = dispatcher();
        when(network.sendsOnce()).thenReturn(false);
        when(outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(cutOff(true)));

        dispatcher.work();

        verify(network, never()).send(any(), any());
        verify(outbox).markFailed(eq(7L), contains("may already be on Chatline"));
    }

    @Test
    void aReplyCutOffMidSendIsSentAgainWhereARepeatIsHarmless() throws SendFailed {
        var dispatcher = dispatcher();
        when(network.sendsOnce()).thenReturn(true);
        when(network.send(any(), any())).thenReturn("post-9");
        when(outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(cutOff(true)));

        dispatcher.work();

        verify(outbox).markSent(7L, "post-9");
    }

    @Test
    void anOrdinaryRetryIsSentWhateverTheNetwork() throws SendFailed {
        var dispatcher = dispatcher();
        when(network.sendsOnce()).thenReturn(false);
        when(network.send(any(), any())).thenReturn("post-10");
        when(outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(cutOff(false)));

        dispatcher.work();

        verify(outbox).markSent(7L, "post-10");
        verify(outbox, never()).markFailed(anyLong(), any());
    }

    /** Runs the callback as if in a transaction; the outbox here is a mock with nothing to commit. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
