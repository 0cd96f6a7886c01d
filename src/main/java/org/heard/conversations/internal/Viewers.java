package org.heard.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.platform.AllNodes;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who has a conversation open and who is typing in it, so two agents do not answer the same customer
 * at once. Open pages say so every few seconds; a page that stops saying so is gone after
 * {@link #GONE_AFTER}. It is seconds-old by nature and needs no saving: each page's word is broadcast to
 * every node, and each node keeps the whole picture in memory, timed by its own clock. A node that starts
 * has it complete after one round of pages saying so.
 */
@Component
public class Viewers {

    static final Duration GONE_AFTER = Duration.ofSeconds(25);
    private static final String TOPIC = "viewers";

    /** A colleague with the conversation open. */
    public record Viewer(long userId, String name, boolean typing, Instant seenAt) {}

    /** What a page says, as it travels between nodes. */
    public record Seen(long conversationId, long userId, String name, boolean typing) {}

    private final Map<Long, Map<Long, Viewer>> byConversation = new ConcurrentHashMap<>();
    private final LiveInbox live;
    private final AllNodes broadcasts;
    private final Clock clock;

    Viewers(LiveInbox live, AllNodes broadcasts, Clock clock) {
        this.live = live;
        this.broadcasts = broadcasts;
        this.clock = clock;
        broadcasts.receive(TOPIC, Seen.class, this::note);
    }

    /** A colleague's page says it is open, and whether they are typing. */
    public void seen(long conversationId, long userId, String name, boolean typing) {
        broadcasts.send(TOPIC, String.valueOf(conversationId), new Seen(conversationId, userId, name, typing));
    }

    private void note(Seen seen) {
        var viewers = byConversation.computeIfAbsent(seen.conversationId(), id -> new ConcurrentHashMap<>());
        var before = viewers.put(seen.userId(), new Viewer(seen.userId(), seen.name(), seen.typing(), clock.instant()));
        if (before == null || before.typing() != seen.typing()) {
            live.viewersChanged(seen.conversationId());
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

    /** Each node forgets by its own clock and tells its own pages; no node waits for another. */
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
