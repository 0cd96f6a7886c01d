package org.heard.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import org.heard.channels.Author;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationStatus;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;

class ConversationTests {

    private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aNewConversationWaitsFromTheCustomersFirstMessage() {
        var conversation = conversation();

        conversation.customerWrote("my order is late", start);

        assertThat(conversation.status()).isEqualTo(ConversationStatus.NEW);
        assertThat(conversation.lastCustomerMessageAt()).isEqualTo(start);
        assertThat(conversation.lastMessagePreview()).isEqualTo("my order is late");
    }

    @Test
    void theFirstReplyIsTheFirstResponseAndLeavesTheConversationPending() {
        var conversation = conversation();
        conversation.customerWrote("hello", start);

        conversation.teamReplied("hi!", start.plusSeconds(90));
        conversation.teamReplied("anything else?", start.plusSeconds(300));

        assertThat(conversation.firstResponseAt()).isEqualTo(start.plusSeconds(90));
        assertThat(conversation.status()).isEqualTo(ConversationStatus.PENDING);
    }

    @Test
    void theCustomerWritingAgainReopensAResolvedConversation() {
        var conversation = conversation();
        conversation.customerWrote("hello", start);
        conversation.resolve();

        conversation.customerWrote("actually, one more thing", start.plusSeconds(600));

        assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversation.lastCustomerMessageAt()).isEqualTo(start.plusSeconds(600));
    }

    @Test
    void assigningANewConversationOpensIt() {
        var conversation = conversation();

        conversation.assignTo(7L);

        assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversation.assigneeId()).isEqualTo(7L);
    }

    @Test
    void aWorkedConversationCannotBecomeNewAgain() {
        var conversation = conversation();
        conversation.moveTo(ConversationStatus.PENDING);

        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> conversation.moveTo(ConversationStatus.NEW))
                .withMessageContaining("cannot become new again");
    }

    @Test
    void aLateArrivingOlderMessageDoesNotMoveTheClockBack() {
        var conversation = conversation();
        conversation.customerWrote("second", start.plusSeconds(60));

        conversation.customerWrote("first, delivered late", start);

        assertThat(conversation.lastCustomerMessageAt()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void thePreviewIsOneLineAndShort() {
        var conversation = conversation();

        conversation.customerWrote("line one\n\nline two " + "x".repeat(400), start);

        var preview = conversation.lastMessagePreview();
        assertThat(preview)
                .startsWith("line one line two")
                .hasSize(Conversation.PREVIEW_LENGTH)
                .endsWith("…");
    }

    private Conversation conversation() {
        var identity = new ChannelIdentity(1, "sandbox", new Author("42", "maria_g", "María", null, 12L));
        return new Conversation("sandbox", "heardbrand", identity, Visibility.PUBLIC, start);
    }
}
