package org.heard.conversations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.heard.conversations.ConversationChanged;
import org.heard.platform.LiveStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every committed conversation change to the open inboxes as a {@code conversation} event
 * carrying the id, status and last-message preview.
 */
@Component
public class LiveInbox {

    private final LiveStream stream;

    LiveInbox(MeterRegistry meters) {
        this.stream = new LiveStream("inbox", meters);
    }

    public SseEmitter subscribe() {
        return stream.subscribe();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(ConversationChanged change) {
        stream.publish("conversation", change);
    }

    /** Who is viewing or typing in a conversation changed; open panes ask for the new list. */
    void viewersChanged(long conversationId) {
        stream.publish("viewers", java.util.Map.of("conversationId", conversationId));
    }

    @PreDestroy
    void close() {
        stream.close();
    }
}
