package org.heard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The clock of every test application: real time, moved forward when a test says so, so tests of
 * deadlines and waiting times move time instead of waiting for it. Tests that move it put it back.
 */
public final class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void moveForward(Duration by) {
        ahead = ahead.plus(by);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Registers the movable clock as the primary {@link Clock}, in every test application. */
    public static final class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (context instanceof GenericApplicationContext generic) {
                generic.registerBean(
                        "movableClock",
                        MovableClock.class,
                        MovableClock::new,
                        definition -> definition.setPrimary(true));
            }
        }
    }
}
