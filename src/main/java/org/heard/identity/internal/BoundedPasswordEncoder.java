package org.heard.identity.internal;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a few passwords at a time. Argon2 takes 16 MB and tens of milliseconds per check by design; a
 * flood of sign-in attempts then waits its turn instead of exhausting memory.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentChecks) {
        this.delegate = delegate;
        this.permits = new Semaphore(concurrentChecks, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    int available() {
        return permits.availablePermits();
    }

    private <T> T bounded(java.util.function.Supplier<T> check) {
        permits.acquireUninterruptibly();
        try {
            return check.get();
        } finally {
            permits.release();
        }
    }
}
