package org.heard.conversations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heard.conversations.ConversationChanged;
import org.heard.platform.LiveStream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every committed conversation change to the open inboxes as a {@code conversation} event
 * carrying the id, status and last-message preview. A transaction that changes a conversation several
 * times (threading, then triage's priority, queue and due time) sends its last state once.
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

    @EventListener
    void changed(ConversationChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            stream.publish("conversation", change);
            return;
        }
        @SuppressWarnings("unchecked")
        var pending = (Map<Long, ConversationChanged>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            var latest = new LinkedHashMap<Long, ConversationChanged>();
            TransactionSynchronizationManager.bindResource(this, latest);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LiveInbox.this);
                    if (status == STATUS_COMMITTED) {
                        latest.values().forEach(c -> stream.publish("conversation", c));
                    }
                }
            });
            pending = latest;
        }
        // Re-inserting moves the conversation to the end: changes go out in the order they last happened.
        pending.remove(change.id());
        pending.put(change.id(), change);
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
