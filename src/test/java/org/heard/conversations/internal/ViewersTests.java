package org.heard.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.heard.MovableClock;
import org.heard.conversations.MessageMasks;
import org.heard.platform.AllNodes;
import org.heard.platform.TwoNodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class ViewersTests {

    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aColleagueViewingOnOneNodeIsListedOnTheOther() {
        var nodes = TwoNodes.joined();
        var onA = viewers(nodes.get(0), Clock.fixed(now, ZoneOffset.UTC));
        var onB = viewers(nodes.get(1), Clock.fixed(now, ZoneOffset.UTC));

        onA.seen(5, 1, "Ana", false);
        onB.seen(5, 2, "Ben", true);

        assertThat(onB.besides(5, 2)).extracting(Viewers.Viewer::name).containsExactly("Ana");
        assertThat(onA.besides(5, 1))
                .singleElement()
                .satisfies(v -> assertThat(v.name()).isEqualTo("Ben"))
                .satisfies(v -> assertThat(v.typing()).isTrue());
        assertThat(onA.besides(5, 3)).extracting(Viewers.Viewer::name).containsExactly("Ben", "Ana");
    }

    @Test
    void eachNodeForgetsAViewerWhosePageWentQuietByItsOwnClock() {
        var nodes = TwoNodes.joined();
        var onA = viewers(nodes.get(0), new MovableClock());
        var clockOfB = new MovableClock();
        var onB = viewers(nodes.get(1), clockOfB);
        onA.seen(5, 1, "Ana", false);

        clockOfB.moveForward(Viewers.GONE_AFTER.plusSeconds(1));

        assertThat(onB.besides(5, 2)).isEmpty();
        assertThat(onA.besides(5, 2)).extracting(Viewers.Viewer::name).containsExactly("Ana");
    }

    private static Viewers viewers(AllNodes broadcasts, Clock clock) {
        return new Viewers(
                new LiveInbox(
                        new SimpleMeterRegistry(),
                        broadcasts,
                        new PreviewMasks(new DefaultListableBeanFactory().getBeanProvider(MessageMasks.class))),
                broadcasts,
                clock);
    }
}
