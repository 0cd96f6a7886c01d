package org.heard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.conversations.ConversationChanged;
import org.heard.conversations.ConversationStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AllNodesTests {

    record Said(long conversationId, String text) {}

    @Test
    void everyNodeHearsABroadcastOnceInTheOrderItWasSent() {
        var nodes = TwoNodes.joined();
        var onFirst = new ArrayList<Said>();
        var onSecond = new ArrayList<Said>();
        nodes.get(0).receive("said", Said.class, onFirst::add);
        nodes.get(1).receive("said", Said.class, onSecond::add);

        nodes.get(0).send("said", "7", new Said(7, "one"));
        nodes.get(0).send("said", "7", new Said(7, "two"));
        nodes.get(1).send("said", "8", new Said(8, "three"));

        var all = List.of(new Said(7, "one"), new Said(7, "two"), new Said(8, "three"));
        assertThat(onFirst).containsExactlyElementsOf(all);
        assertThat(onSecond).containsExactlyElementsOf(all);
    }

    @Test
    void aLiveEventReachesAnotherNodeAsTheSameJson() {
        var nodes = TwoNodes.joined();
        var arrived = new ArrayList<LiveStream.Event>();
        nodes.get(1).receive("live.inbox", LiveStream.Event.class, arrived::add);
        var change = new ConversationChanged(
                42, ConversationStatus.NEW, "sandbox", "PUBLIC", "Where is my order?", null, Instant.now());

        nodes.get(0).send("live.inbox", "42", new LiveStream.Event("conversation", change));

        var json = JsonMapper.builder().build();
        assertThat(arrived).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("conversation");
            assertThat(json.writeValueAsString(event.data())).isEqualTo(json.writeValueAsString(change));
        });
    }

    @Test
    void aReceiverThatFailsKeepsNoOtherFromHearing() {
        var broadcasts = AllNodes.thisNodeOnly();
        var heard = new ArrayList<Map<?, ?>>();
        broadcasts.receive("said", Map.class, m -> {
            throw new IllegalStateException("broken receiver");
        });
        broadcasts.receive("said", Map.class, heard::add);

        broadcasts.send("said", "1", Map.of("text", "hello"));

        assertThat(heard).containsExactly(Map.of("text", "hello"));
        assertThat(broadcasts.reachesOtherNodes()).isFalse();
    }
}
