package org.heard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTests {

    @Test
    void noMoreChecksRunAtOnceThanAllowed() throws Exception {
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(2);
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return raw.toString().equals(encoded);
            }
        };
        var bounded = new BoundedPasswordEncoder(slow, 2);

        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                pool.submit(() -> bounded.matches("secret", "secret"));
            }
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(bounded.available()).isZero();
            release.countDown();
        }

        assertThat(most.get()).isEqualTo(2);
        assertThat(bounded.available()).isEqualTo(2);
        assertThat(bounded.matches("secret", "other")).isFalse();
    }
}
