package org.heard.replies.approvals;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.heard.platform.AllNodes;
import org.heard.platform.LiveStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Tells open approval pages that the queue changed, once the change is committed. */
@Component
class ApprovalsLive {

    private final LiveStream stream;

    ApprovalsLive(MeterRegistry meters, AllNodes broadcasts) {
        this.stream = new LiveStream("approvals", meters, broadcasts);
    }

    SseEmitter subscribe() {
        return stream.subscribe();
    }

    void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            stream.publish("approvals", "changed");
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stream.publish("approvals", "changed");
            }
        });
    }

    @PreDestroy
    void close() {
        stream.close();
    }
}
