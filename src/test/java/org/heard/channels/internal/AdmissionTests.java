package org.heard.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class AdmissionTests {

    @Test
    void aDeliveryBeyondTheLimitIsToldToComeBackInsteadOfWaitingForever() throws Exception {
        var admission = new Admission(1, Duration.ofMillis(50));
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> admission.admit(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            holding.await();

            assertThatThrownBy(() -> admission.admit(() -> "second"))
                    .isInstanceOf(Admission.Overloaded.class)
                    .hasMessageContaining("deliver this again shortly");

            release.countDown();
            assertThat(first.get()).isEqualTo("first");
        }
        assertThat(admission.admit(() -> "third")).isEqualTo("third");
    }

    @Test
    void aFailedWriteGivesItsPlaceBack() {
        var admission = new Admission(1, Duration.ofMillis(50));

        assertThatThrownBy(() -> admission.admit(() -> {
                    throw new IllegalStateException("database went away");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(admission.admit(() -> "next")).isEqualTo("next");
    }
}
