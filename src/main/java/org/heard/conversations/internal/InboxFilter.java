package org.heard.conversations.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.stream.Collectors;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Which conversations an inbox list shows.
 *
 * @param status {@code open} (anything not resolved), {@code new}, {@code pending}, {@code resolved} or {@code all}
 * @param assignee {@code mine}, {@code unassigned} or {@code any}
 * @param visibility {@code public}, {@code private} or {@code any}
 * @param channel a channel name, or {@code any}
 * @param queue a queue's key, or {@code any}
 * @param q words to find in the conversations' messages ({@code websearch_to_tsquery} syntax: {@code "a phrase"},
 *     {@code or}, {@code -word}), or blank for no search
 * @param contact one customer's conversations only, on every network they wrote on, or null for everyone's
 */
public record InboxFilter(
        String status,
        String assignee,
        String visibility,
        String channel,
        String queue,
        String q,
        @Nullable Long contact) {

    /** Longer searches are refused: no one types more, and a huge query only costs the database. */
    public static final int MAX_SEARCH = 200;

    public InboxFilter {
        status = choose(status, "open", "open", "new", "pending", "resolved", "all");
        assignee = choose(assignee, "any", "mine", "unassigned", "any");
        visibility = choose(visibility, "any", "public", "private", "any");
        channel = channel == null || channel.isBlank() ? "any" : channel.toLowerCase(Locale.ROOT);
        queue = queue == null || queue.isBlank() ? "any" : queue.toLowerCase(Locale.ROOT);
        q = q == null ? "" : q.strip();
        if (q.length() > MAX_SEARCH) {
            throw new Refused("A search has at most " + MAX_SEARCH + " characters; this one has " + q.length()
                    + ". Search for fewer words.");
        }
    }

    public InboxFilter(
            @Nullable String status,
            @Nullable String assignee,
            @Nullable String visibility,
            @Nullable String channel,
            @Nullable String queue,
            @Nullable String q) {
        this(status, assignee, visibility, channel, queue, q, null);
    }

    public InboxFilter(
            @Nullable String status,
            @Nullable String assignee,
            @Nullable String visibility,
            @Nullable String channel,
            @Nullable String queue) {
        this(status, assignee, visibility, channel, queue, null, null);
    }

    public InboxFilter(
            @Nullable String status, @Nullable String assignee, @Nullable String visibility, @Nullable String channel) {
        this(status, assignee, visibility, channel, null, null, null);
    }

    public static InboxFilter defaults() {
        return new InboxFilter(null, null, null, null, null, null, null);
    }

    /** Whether the list shows only conversations whose messages match {@link #q()}, newest first. */
    public boolean searching() {
        return !q.isEmpty();
    }

    /** Whether the list shows everything still open, with no narrowing filter. */
    public boolean everythingOpen() {
        return equals(defaults());
    }

    /** Whether a filter beyond the status narrows the list (whom, public or private, channel, queue). */
    public boolean narrowed() {
        return !assignee.equals("any")
                || !visibility.equals("any")
                || !channel.equals("any")
                || !queue.equals("any")
                || contact != null;
    }

    /** This filter as a query string, for links that keep it. */
    public String query() {
        var query = new LinkedHashMap<String, String>();
        query.put("status", status);
        query.put("assignee", assignee);
        query.put("visibility", visibility);
        query.put("channel", channel);
        query.put("queue", queue);
        if (searching()) {
            query.put("q", q);
        }
        if (contact != null) {
            query.put("contact", contact.toString());
        }
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** This filter's query string with one filter changed. */
    public String with(String name, String value) {
        var changed = switch (name) {
            case "status" -> new InboxFilter(value, assignee, visibility, channel, queue, q, contact);
            case "assignee" -> new InboxFilter(status, value, visibility, channel, queue, q, contact);
            case "visibility" -> new InboxFilter(status, assignee, value, channel, queue, q, contact);
            case "channel" -> new InboxFilter(status, assignee, visibility, value, queue, q, contact);
            case "queue" -> new InboxFilter(status, assignee, visibility, channel, value, q, contact);
            case "q" -> new InboxFilter(status, assignee, visibility, channel, queue, value, contact);
            case "contact" ->
                new InboxFilter(
                        status, assignee, visibility, channel, queue, q, value.isBlank() ? null : Long.valueOf(value));
            default -> throw new FilterUnknown("There is no inbox filter called " + name + ".");
        };
        return changed.query();
    }

    private static String choose(@Nullable String value, String fallback, String... allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        var lower = value.toLowerCase(Locale.ROOT);
        for (var option : allowed) {
            if (option.equals(lower)) {
                return lower;
            }
        }
        throw new FilterUnknown(
                "'" + value + "' is not a filter Heard knows; use one of " + String.join(", ", allowed) + ".");
    }
}
