package org.heard.conversations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heard.conversations.ConversationChanged;
import org.heard.platform.AllNodes;
import org.heard.platform.LiveStream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every committed conversation change to the open inboxes as a {@code conversation} event
 * carrying the id, status and last-message preview, on every node. A transaction that changes a
 * conversation several times (threading, then triage's priority, queue and due time) sends its last state
 * once, after it commits.
 */
@Component
public class LiveInbox {

    private final LiveStream stream;
    private final PreviewMasks previews;

    LiveInbox(MeterRegistry meters, AllNodes broadcasts, PreviewMasks previews) {
        this.stream = new LiveStream("inbox", meters, broadcasts);
        this.previews = previews;
    }

    public SseEmitter subscribe() {
        return stream.subscribe();
    }

    @EventListener
    void changed(ConversationChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(change);
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
                        latest.values().forEach(LiveInbox.this::publish);
                    }
                }
            });
            pending = latest;
        }
        // Re-inserting moves the conversation to the end: changes go out in the order they last happened.
        pending.remove(change.id());
        pending.put(change.id(), change);
    }

    private void publish(ConversationChanged change) {
        // Masked before it leaves: the stream reaches every open inbox, on every node.
        var shown = new ConversationChanged(
                change.id(),
                change.status(),
                change.channel(),
                change.visibility(),
                previews.shown(change.visibility(), change.preview()),
                change.assigneeId(),
                change.lastMessageAt());
        stream.publish("conversation", String.valueOf(change.id()), shown);
    }

    /**
     * Who is viewing or typing in a conversation changed; this node's open panes ask for the new list.
     * Every node learns of viewers by itself ({@link Viewers}), so this stays on the node.
     */
    void viewersChanged(long conversationId) {
        stream.publishHere("viewers", Map.of("conversationId", conversationId));
    }

    @PreDestroy
    void close() {
        stream.close();
    }
}
