package org.heard.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

class DispatcherBackoffTests {

    private final Dispatcher dispatcher = new Dispatcher(
            mock(OutboxStore.class),
            new ConnectorRegistry(java.util.List.of(), mock(AccountStore.class), mock(ConnectedAccounts.class)),
            mock(AccountStore.class),
            mock(ConnectedAccounts.class),
            mock(ApplicationEventPublisher.class),
            mock(TransactionTemplate.class),
            new SimpleMeterRegistry(),
            Duration.ofSeconds(1),
            10,
            Duration.ofMinutes(2));

    @Test
    void backoffGrowsAndIsCapped() {
        assertThat(dispatcher.backoff(1)).isBetween(Duration.ofMillis(875), Duration.ofMillis(1125));
        assertThat(dispatcher.backoff(4)).isBetween(Duration.ofMillis(7000), Duration.ofMillis(9000));
        assertThat(dispatcher.backoff(30))
                .isLessThanOrEqualTo(Duration.ofMinutes(5).plusMinutes(1));
    }

    @Test
    void aNetworksRetryAfterIsHonouredWhenLongerThanTheBackoff() {
        assertThat(dispatcher.wait(1, Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
        assertThat(dispatcher.wait(1, Duration.ofMillis(10))).isLessThan(Duration.ofSeconds(2));
        assertThat(dispatcher.wait(1, null)).isLessThan(Duration.ofSeconds(2));
    }
}
