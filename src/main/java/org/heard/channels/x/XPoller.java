package org.heard.channels.x;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.heard.channels.ChannelAccount;
import org.heard.channels.InboundDelivery;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.x.XApi.Answer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One poll of an account: mentions and recent search for the brand's terms (each from its
 * {@code since_id}, following {@code next_token}), then Direct Message events back to the newest one
 * Heard has. The wait before the next poll honours both X's rate-limit headers and the month's read
 * budget. A failure throws before the cursor moves, so the next poll repeats this one.
 */
final class XPoller {

    private static final String TWEET_FIELDS =
            "author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets,entities,note_tweet";
    private static final String USER_FIELDS = "username,name,profile_image_url,public_metrics";

    private static final Logger log = LoggerFactory.getLogger(XPoller.class);

    private final XApi api;
    private final JsonMapper json;
    private final XSettings settings;
    private final Clock clock;

    XPoller(XApi api, JsonMapper json, XSettings settings, Clock clock) {
        this.api = api;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one source gave: its deliveries, where it starts next time, what it cost and allows. */
    private record Source(
            List<InboundDelivery> deliveries, @Nullable String newest, int read, Duration pause) {}

    Poll poll(ChannelAccount account, @Nullable String cursorText) throws SendFailed {
        var now = clock.instant();
        var month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        var cursor = XCursor.from(json, cursorText, month);
        var token = XCredentials.accessToken(account);
        var brand = account.externalId();

        var mentions = posts("/2/users/" + brand + "/mentions", Map.of(), cursor.mentions(), account, token);
        var terms = searchQuery(account.credentials().getOrNull(XCredentials.BRAND_TERMS));
        var search = terms == null
                ? new Source(List.of(), cursor.search(), 0, Duration.ZERO)
                : posts("/2/tweets/search/recent", Map.of("query", terms), cursor.search(), account, token);
        var messages = messages(cursor.messages(), account, token);

        var all = new LinkedHashMap<String, InboundDelivery>();
        for (var source : List.of(mentions, search, messages)) {
            source.deliveries().forEach(d -> all.putIfAbsent(d.externalId(), d));
        }
        var deliveries = new ArrayList<>(all.values());
        deliveries.sort(Comparator.comparing(XPoller::snowflake, XPoller::byId));

        int read = mentions.read() + search.read() + messages.read();
        var next = new XCursor(
                mentions.newest(),
                search.newest(),
                messages.newest(),
                month.toString(),
                cursor.read() + read,
                cursor.polls() + 1);
        var pause = List.of(
                        settings.minInterval(),
                        mentions.pause(),
                        search.pause(),
                        messages.pause(),
                        XPace.budget(next, settings.monthlyReadBudget(), now))
                .stream()
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new Poll(deliveries, next.write(json), pause);
    }

    private Source posts(
            String path, Map<String, String> extra, @Nullable String since, ChannelAccount account, String token)
            throws SendFailed {
        var query = new LinkedHashMap<>(extra);
        query.put("max_results", "100");
        query.put("expansions", "author_id,referenced_tweets.id");
        query.put("tweet.fields", TWEET_FIELDS);
        query.put("user.fields", USER_FIELDS);
        if (since != null) {
            query.put("since_id", since);
        }
        var deliveries = new ArrayList<InboundDelivery>();
        String newest = null;
        String next = null;
        int pages = 0;
        int read = 0;
        Answer answer;
        do {
            if (next != null) {
                query.put("pagination_token", next);
            }
            answer = fetch(path, query, token);
            var page = page(answer);
            newest = newest != null ? newest : text(page.path("meta").path("newest_id"));
            for (var post : page.path("data")) {
                read++;
                var author = text(post.path("author_id"));
                if (account.externalId().equals(author) || retweet(post)) {
                    continue;
                }
                deliveries.add(delivery(account, XInbound.postEvent(text(post.path("id"))), post, author, page));
            }
            next = text(page.path("meta").path("next_token"));
            pages++;
        } while (next != null && since != null && pages < settings.maxPages());
        if (next != null && since != null) {
            log.warn("More than {} pages of new posts at {}; older ones since {} are skipped", pages, path, since);
        }
        return new Source(
                deliveries, newest != null ? newest : since, read, XPace.rateLimit(answer, pages, clock.instant()));
    }

    private Source messages(@Nullable String last, ChannelAccount account, String token) throws SendFailed {
        var query = new LinkedHashMap<String, String>();
        query.put("max_results", "100");
        query.put("event_types", "MessageCreate");
        query.put("dm_event.fields", "id,text,event_type,created_at,sender_id,dm_conversation_id,referenced_tweets");
        query.put("expansions", "sender_id");
        query.put("user.fields", USER_FIELDS);
        var deliveries = new ArrayList<InboundDelivery>();
        String newest = null;
        String next = null;
        boolean reachedLast = false;
        int pages = 0;
        int read = 0;
        Answer answer;
        do {
            if (next != null) {
                query.put("pagination_token", next);
            }
            answer = fetch("/2/dm_events", query, token);
            var page = page(answer);
            for (var event : page.path("data")) {
                var id = text(event.path("id"));
                if (id == null || !XCursor.newer(id, last)) {
                    reachedLast = true;
                    break;
                }
                read++;
                newest = newest == null || XCursor.newer(id, newest) ? id : newest;
                var sender = text(event.path("sender_id"));
                if (!account.externalId().equals(sender)) {
                    deliveries.add(delivery(account, XInbound.messageEvent(id), event, sender, page));
                }
            }
            next = text(page.path("meta").path("next_token"));
            pages++;
        } while (!reachedLast && next != null && last != null && pages < settings.maxPages());
        return new Source(
                deliveries, newest != null ? newest : last, read, XPace.rateLimit(answer, pages, clock.instant()));
    }

    private Answer fetch(String path, Map<String, String> query, String token) throws SendFailed {
        var answer = api.get(path, query, token);
        if (!answer.ok()) {
            throw api.failure(answer, "polling " + path.replaceAll("/\\d{5,}(?=/|$)", "/:id"), clock.instant());
        }
        return answer;
    }

    private JsonNode page(Answer answer) throws SendFailed {
        try {
            var page = json.readTree(answer.body());
            if (page == null || !page.isObject()) {
                throw SendFailed.later("X answered a poll with something other than a JSON page.", null);
            }
            return page;
        } catch (JacksonException e) {
            throw SendFailed.later("X answered a poll with something other than a JSON page.", null);
        }
    }

    /** The event as one v2 object with its author, the shape {@link XInbound#normalise} reads. */
    private InboundDelivery delivery(
            ChannelAccount account, String eventId, JsonNode item, @Nullable String author, JsonNode page) {
        var single = json.createObjectNode();
        single.set("data", item);
        var users = single.putObject("includes").putArray("users");
        for (var user : page.path("includes").path("users")) {
            if (user.path("id").asString("").equals(author)) {
                users.add(user);
            }
        }
        return new InboundDelivery(account.externalId(), eventId, json.writeValueAsString(single));
    }

    private static boolean retweet(JsonNode post) {
        for (var reference : post.path("referenced_tweets")) {
            if ("retweeted".equals(reference.path("type").asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** Brand terms, comma separated, as one recent-search query without reposts; null when there are none. */
    static @Nullable String searchQuery(@Nullable String terms) {
        if (terms == null) {
            return null;
        }
        var quoted = Arrays.stream(terms.split(","))
                .map(String::strip)
                .filter(term -> !term.isEmpty())
                .map(term -> term.matches("[\\p{L}\\p{N}_@#$]+") ? term : "\"" + term.replace("\"", "") + "\"")
                .collect(Collectors.toList());
        if (quoted.isEmpty()) {
            return null;
        }
        var any = String.join(" OR ", quoted);
        return (quoted.size() > 1 ? "(" + any + ")" : any) + " -is:retweet";
    }

    private static @Nullable String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || !node.isValueNode() ? null : node.asString();
    }

    private static String snowflake(InboundDelivery delivery) {
        return delivery.externalId().substring(delivery.externalId().indexOf('-') + 1);
    }

    private static int byId(String a, String b) {
        return a.equals(b) ? 0 : XCursor.newer(a, b) ? 1 : -1;
    }
}
