package org.heard.triage.pipeline;

import java.util.List;
import org.heard.conversations.ConversationTriage;
import org.heard.platform.Refused;
import org.heard.triage.Escalations;
import org.heard.triage.priority.Priorities;
import org.heard.triage.routing.Queue;
import org.heard.triage.routing.Queues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Raises a conversation as another module asks, the way a rule's floor and queue would. */
@Component
@Transactional
class Escalating implements Escalations {

    private final Priorities priorities;
    private final Queues queues;
    private final ConversationTriage conversations;

    Escalating(Priorities priorities, Queues queues, ConversationTriage conversations) {
        this.priorities = priorities;
        this.queues = queues;
        this.conversations = conversations;
    }

    @Override
    public List<String> queues() {
        return queues.all().stream().map(Queue::key).toList();
    }

    @Override
    public void escalate(long conversationId, int floor, String reason, @Nullable String queue) {
        if (queue != null && queues.find(queue).isEmpty()) {
            throw new Refused("There is no queue " + queue + "; choose one of " + queues() + ".");
        }
        var facts = conversations
                .facts(conversationId)
                .orElseThrow(() -> new Refused("There is no conversation " + conversationId + "."));
        if (queue != null && !queue.equals(facts.queue())) {
            conversations.queue(conversationId, queue);
        }
        priorities.raiseFloor(conversationId, floor, reason);
    }
}
