package org.heard.triage.routing;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.heard.conversations.ConversationTriage;
import org.heard.triage.pipeline.RuleOutcome;
import org.heard.triage.pipeline.TriageSubject;
import org.heard.triage.routing.Agent.Presence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes conversations to a queue and, in queues that push work, to the least-loaded online member
 * with the most matching skills. Who the customer is plays no part in it.
 */
@Component
@Transactional
public class Routing {

    static final String DEFAULT_QUEUE = "general";
    private static final Logger log = LoggerFactory.getLogger(Routing.class);

    private final Queues queues;
    private final Agents agents;
    private final ConversationTriage conversations;

    Routing(Queues queues, Agents agents, ConversationTriage conversations) {
        this.queues = queues;
        this.agents = agents;
        this.conversations = conversations;
    }

    /**
     * The queue for a message: a rule's choice, else the queue the conversation is already in, else
     * the first queue for the message's language, else the general queue.
     */
    public String queueFor(TriageSubject subject, RuleOutcome outcome) {
        if (outcome.queue() != null && queues.find(outcome.queue()).isPresent()) {
            return outcome.queue();
        }
        var current = subject.conversation().queue();
        if (current != null && queues.find(current).isPresent()) {
            return current;
        }
        var language = subject.analysis().language();
        return queues.all().stream()
                .filter(q -> language != null && q.languages().contains(language))
                .map(Queue::key)
                .findFirst()
                .orElse(DEFAULT_QUEUE);
    }

    /** Hands a conversation to a rule's colleague, or to the best online member of a queue that pushes work. */
    public void assignOnArrival(TriageSubject subject, String queueKey, @Nullable Long ruleAssignee) {
        long id = subject.conversation().id();
        if (ruleAssignee != null) {
            conversations.assign(id, ruleAssignee);
            return;
        }
        if (subject.conversation().assigneeId() != null) {
            return;
        }
        var queue = queues.find(queueKey);
        if (queue.isEmpty() || queue.get().mode() != Queue.Mode.PUSH) {
            return;
        }
        var wanted = new HashSet<>(subject.conversation().tags());
        if (subject.analysis().language() != null) {
            wanted.add(subject.analysis().language());
        }
        best(queue.get(), wanted).ifPresent(agent -> {
            conversations.assign(id, agent.userId());
            log.debug("Conversation {} goes to colleague {} in queue {}", id, agent.userId(), queueKey);
        });
    }

    /**
     * The online member with room, the most wanted skills, then the fewest conversations. Only the online members'
     * load is counted, so choosing costs what the colleagues on duty hold, not the whole team's backlog; with nobody
     * online nothing is counted.
     */
    Optional<Agent> best(Queue queue, Set<String> wanted) {
        var online = agents.online(queue.members());
        if (online.isEmpty()) {
            return Optional.empty();
        }
        var load =
                conversations.unresolvedLoad(online.stream().map(Agent::userId).toList());
        return online.stream()
                .filter(a -> load.getOrDefault(a.userId(), 0) < a.capacity())
                .min(Comparator.comparingLong((Agent a) ->
                                -a.skills().stream().filter(wanted::contains).count())
                        .thenComparingInt(a -> load.getOrDefault(a.userId(), 0))
                        .thenComparingLong(Agent::userId));
    }

    /**
     * An agent's presence changed. Coming online fills their room from the queues that push work;
     * going offline hands their unresolved conversations back, to another online member or to the queue.
     */
    public void presenceChanged(long userId, Presence presence) {
        var before = agents.present(userId, presence);
        if (presence == Presence.ONLINE && before != Presence.ONLINE) {
            fill(userId);
        } else if (presence == Presence.OFFLINE && before != Presence.OFFLINE) {
            handBack(userId);
        }
    }

    /** Pull mode: the most important unassigned conversation in the agent's queues, now theirs. */
    public Optional<Long> takeNext(long userId) {
        var mine = queuesOf(userId);
        var next = conversations.nextUnassigned(mine);
        next.ifPresent(id -> conversations.assign(id, userId));
        return next;
    }

    private void fill(long userId) {
        var agent = agents.find(userId);
        var pushing = queuesOf(userId).stream()
                .filter(key ->
                        queues.find(key).map(q -> q.mode() == Queue.Mode.PUSH).orElse(false))
                .toList();
        int load = conversations.unresolvedLoad(List.of(userId)).getOrDefault(userId, 0);
        while (!pushing.isEmpty() && load < agent.capacity()) {
            var next = conversations.nextUnassigned(pushing);
            if (next.isEmpty()) {
                return;
            }
            conversations.assign(next.get(), userId);
            load++;
        }
    }

    private void handBack(long userId) {
        for (long id : conversations.unresolvedAssignedTo(userId)) {
            conversations.assign(id, null);
            var facts = conversations.facts(id).orElseThrow();
            var queue =
                    facts.queue() == null ? null : queues.find(facts.queue()).orElse(null);
            if (queue != null && queue.mode() == Queue.Mode.PUSH) {
                best(queue, facts.tags())
                        .filter(a -> a.userId() != userId)
                        .ifPresent(a -> conversations.assign(id, a.userId()));
            }
        }
    }

    private List<String> queuesOf(long userId) {
        return queues.all().stream()
                .filter(q -> q.members().contains(userId))
                .map(Queue::key)
                .toList();
    }
}
