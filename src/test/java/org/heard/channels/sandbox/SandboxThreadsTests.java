package org.heard.channels.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxThreadsTests {

    private final Persona maria = new Persona(2, "maria_g", "María", 12, false);
    private final Persona brand = new Persona(1, "heardbrand", "Brand", 48200, true);

    @Test
    void groupsRepliesUnderTheirThreadsFirstPostWithTheLiveliestThreadFirst() {
        var first = post(10, maria, null);
        var second = post(11, maria, null);
        var brandReply = post(12, brand, 10L);
        var customerReply = post(13, maria, 12L);

        var threads = SandboxPage.threads(List.of(customerReply, brandReply, second, first));

        assertThat(threads).hasSize(2);
        assertThat(threads.getFirst().root().id()).isEqualTo(10);
        assertThat(threads.getFirst().replies()).extracting(SandboxPost::id).containsExactly(12L, 13L);
        assertThat(threads.get(1).root().id()).isEqualTo(11);
        assertThat(threads.get(1).replies()).isEmpty();
    }

    private SandboxPost post(long id, Persona author, Long inReplyTo) {
        return new SandboxPost(id, author, "text " + id, inReplyTo, false, null, Instant.now());
    }
}
