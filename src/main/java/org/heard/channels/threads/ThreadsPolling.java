package org.heard.channels.threads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.InboundDelivery;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.meta.MetaWebhooks;
import org.heard.channels.threads.ThreadsPayloads.Media;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what customers wrote since the cursor without webhooks, which Meta sends only to apps that passed App Review:
 * the brand's mentions ({@code GET /{user-id}/mentions?since=}) and every reply, nested ones included, under its
 * most recent posts ({@code GET /{media-id}/conversation}, newest first). The cursor is the publishing time, in epoch
 * seconds, of the newest of them. Threads times have whole seconds, so a poll asks again from that second itself;
 * a reply it already had keeps its media id and is recorded once.
 *
 * @see <a href="https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies">Retrieve and
 *     manage replies</a>
 * @see <a href="https://developers.facebook.com/documentation/threads/threads-mentions">Mentions</a>
 */
final class ThreadsPolling {

    /** The earliest {@code since} the mentions endpoint takes (2023-07-05). */
    static final long EARLIEST = 1_688_540_400L;

    /** Pages of one list a poll reads at most; more new replies than that between two polls wait for the next. */
    static final int MAX_PAGES = 5;

    private final ThreadsApi api;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration every;
    private final int recentPosts;
    private final Duration firstLook;

    ThreadsPolling(ThreadsApi api, JsonMapper json, Clock clock, Duration every, int recentPosts, Duration firstLook) {
        this.api = api;
        this.json = json;
        this.clock = clock;
        this.every = every;
        this.recentPosts = recentPosts;
        this.firstLook = firstLook;
    }

    Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        var token = account.credentials().get(MetaWebhooks.ACCESS_TOKEN);
        var user = ThreadsApi.segment(account.externalId());
        long since = since(cursor);
        var found = new LinkedHashMap<String, Found>();

        var mentions = new HashMap<>(Map.of("fields", ThreadsPayloads.MEDIA_FIELDS, "since", Long.toString(since)));
        read(user + "/mentions", mentions, since, token, found);

        var posts = api.get(user + "/threads", Map.of("fields", "id,timestamp", "limit", "" + recentPosts), token);
        if (!posts.ok()) {
            throw api.failure("the list of the account's posts", posts);
        }
        for (var post : posts.body().path("data").values()) {
            var id = post.path("id").asString(null);
            if (id != null) {
                var query = new HashMap<>(Map.of("fields", ThreadsPayloads.MEDIA_FIELDS, "reverse", "true"));
                read(ThreadsApi.segment(id) + "/conversation", query, since, token, found);
            }
        }

        long newest = since;
        var deliveries = new ArrayList<InboundDelivery>();
        for (var item : found.values()) {
            newest = Math.max(newest, item.at().getEpochSecond());
            if (!ThreadsConnector.writtenBy(account, item.media())) {
                deliveries.add(
                        new InboundDelivery(account.externalId(), item.media().id(), item.raw()));
            }
        }
        return new Poll(deliveries, Long.toString(newest), every);
    }

    private record Found(Media media, String raw, Instant at) {}

    /** Reads a newest-first list page by page until it reaches what is older than {@code since}. */
    private void read(String path, Map<String, String> query, long since, String token, Map<String, Found> found)
            throws SendFailed {
        for (int page = 0; page < MAX_PAGES; page++) {
            var answer = api.get(path, query, token);
            if (!answer.ok()) {
                throw api.failure("Heard's poll", answer);
            }
            boolean older = false;
            for (var node : answer.body().path("data").values()) {
                var media = media(node);
                var at = media == null ? null : media.publishedAt();
                if (media == null || media.id() == null || at == null) {
                    continue;
                }
                if (at.getEpochSecond() < since) {
                    older = true;
                    continue;
                }
                found.putIfAbsent(media.id(), new Found(media, json.writeValueAsString(node), at));
            }
            var after = answer.body().path("paging").path("next").isString()
                    ? answer.body().path("paging").path("cursors").path("after").asString(null)
                    : null;
            if (older || after == null) {
                return;
            }
            query.put("after", after);
        }
    }

    private @Nullable Media media(JsonNode node) {
        try {
            return json.treeToValue(node, Media.class);
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private long since(@Nullable String cursor) {
        if (cursor != null) {
            try {
                return Math.max(EARLIEST, Long.parseLong(cursor.strip()));
            } catch (NumberFormatException notOurs) {
                // A cursor Heard did not write starts over like a first poll.
            }
        }
        return Math.max(EARLIEST, clock.instant().minus(firstLook).getEpochSecond());
    }
}
