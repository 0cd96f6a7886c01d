package org.heard.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who has a conversation open and who is typing in it, so two agents do not answer the same customer
 * at once. Open pages say so every few seconds; a page that stops saying so is gone after
 * {@link #GONE_AFTER}. Held in this node's memory: it is seconds-old by nature and needs no saving.
 */
@Component
public class Viewers {

    static final Duration GONE_AFTER = Duration.ofSeconds(25);

    /** A colleague with the conversation open. */
    public record Viewer(long userId, String name, boolean typing, Instant seenAt) {}

    private final Map<Long, Map<Long, Viewer>> byConversation = new ConcurrentHashMap<>();
    private final LiveInbox live;
    private final Clock clock;

    Viewers(LiveInbox live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    /** A colleague's page says it is open, and whether they are typing. */
    public void seen(long conversationId, long userId, String name, boolean typing) {
        var viewers = byConversation.computeIfAbsent(conversationId, id -> new ConcurrentHashMap<>());
        var before = viewers.put(userId, new Viewer(userId, name, typing, clock.instant()));
        if (before == null || before.typing() != typing) {
            live.viewersChanged(conversationId);
        }
    }

    /** The others who have the conversation open, typists first. */
    public List<Viewer> besides(long conversationId, long userId) {
        var cutoff = clock.instant().minus(GONE_AFTER);
        return byConversation.getOrDefault(conversationId, Map.of()).values().stream()
                .filter(v -> v.userId() != userId && v.seenAt().isAfter(cutoff))
                .sorted(Comparator.comparing((Viewer v) -> !v.typing()).thenComparing(Viewer::name))
                .toList();
    }

    @Scheduled(fixedDelay = 5000)
    void forgetTheGone() {
        var cutoff = clock.instant().minus(GONE_AFTER);
        byConversation.forEach((conversationId, viewers) -> {
            if (viewers.values().removeIf(v -> !v.seenAt().isAfter(cutoff))) {
                live.viewersChanged(conversationId);
            }
        });
        byConversation.values().removeIf(Map::isEmpty);
    }
}
