package org.heard.conversations.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.heard.channels.Channels;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.MessageMasks;
import org.heard.conversations.PriorityLevel;
import org.heard.identity.Colleagues;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the inbox. The list is ordered by priority, then by how long the customer has waited
 * (longest first), and paged with a keyset cursor so pages stay fast however deep one goes.
 */
@Service
public class InboxQueries {

    public static final int MAX_PAGE = 200;
    /** Who agents read as the author of what Heard wrote by itself: never a person's name. */
    static final String AUTOMATED = "Automated";

    private final JdbcClient jdbc;
    private final Colleagues colleagues;

    private final Conversations conversations;
    private final Identities identities;
    private final Messages messages;
    private final Notes notes;
    private final Channels channels;
    private final Continuations continuations;
    private final CommentModeration moderation;
    // Found when asked: the masks live in a module that uses this one's services.
    private final ObjectProvider<MessageMasks> masks;
    private final PreviewMasks previews;
    private final MessageSearch search;

    private static final java.time.format.DateTimeFormatter MARKER_TIME =
            java.time.format.DateTimeFormatter.ofPattern("d MMM, HH:mm").withZone(java.time.ZoneId.systemDefault());

    InboxQueries(
            JdbcClient jdbc,
            Colleagues colleagues,
            Conversations conversations,
            Identities identities,
            Messages messages,
            Notes notes,
            Channels channels,
            Continuations continuations,
            CommentModeration moderation,
            ObjectProvider<MessageMasks> masks,
            PreviewMasks previews,
            MessageSearch search) {
        this.masks = masks;
        this.previews = previews;
        this.search = search;
        this.moderation = moderation;
        this.continuations = continuations;
        this.jdbc = jdbc;
        this.colleagues = colleagues;
        this.conversations = conversations;
        this.identities = identities;
        this.messages = messages;
        this.notes = notes;
        this.channels = channels;
    }

    // One snapshot for every read: a customer's message committed between reading the conversation and reading its
    // messages would otherwise show with the status from before it (a resolved conversation it had reopened).
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ConversationView detail(long id) {
        var conversation = conversations.findById(id).orElseThrow(() -> new ConversationNotFound("conversation " + id));
        var identity = identities.findById(conversation.identityId()).orElseThrow();
        var names = colleagueNames();
        var customer = new ConversationView.Customer(
                identity.contactId(),
                identity.displayName(),
                identity.handle(),
                identity.avatarUrl(),
                identity.followersCount(),
                identity.externalId(),
                conversations.countByContactId(identity.contactId()),
                identity.id());
        // In a public thread other customers may answer too; each message shows its own author.
        Map<Long, String> authors = new java.util.HashMap<>();
        authors.put(identity.id(), identity.displayName());
        var moderated = moderation.states(id);
        var masked = masks.stream()
                .flatMap(m -> m.masked(id).entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        var canModerate = new java.util.HashMap<String, java.util.Set<org.heard.channels.Moderation>>();
        var thread = messages.findByConversationIdOrderBySentAtAscIdAsc(id).stream()
                .map(m -> {
                    var state = moderated.getOrDefault(m.id(), CommentModeration.State.NONE);
                    boolean comment = m.direction() == Direction.INBOUND
                            && m.visibility() == org.heard.channels.Visibility.PUBLIC
                            && m.externalId() != null;
                    var next = comment
                            ? state.next(canModerate.computeIfAbsent(m.channel(), moderation::supported)).stream()
                                    .map(Enum::name)
                                    .toList()
                            : List.<String>of();
                    return new ConversationView.MessageView(
                            m.id(),
                            m.direction().name(),
                            m.direction() == Direction.INBOUND
                                    ? authors.computeIfAbsent(m.authorIdentityId(), this::identityName)
                                    : m.automated() ? AUTOMATED : names.getOrDefault(m.authorUserId(), "A colleague"),
                            masked.containsKey(m.id()) ? masked.get(m.id()).text() : m.text(),
                            m.visibility().name(),
                            m.deliveryState().name(),
                            m.deliveryError(),
                            m.externalId(),
                            m.sentAt(),
                            m.channel(),
                            state.liked(),
                            state.hidden(),
                            next,
                            masked.containsKey(m.id()) ? masked.get(m.id()).warning() : null,
                            m.holdNote(),
                            m.scheduledFor(),
                            m.returnedBy() == null ? null : names.getOrDefault(m.returnedBy(), "a colleague"),
                            masked.containsKey(m.id()) && masked.get(m.id()).revealable());
                })
                .toList();
        var rules = channels.rules(conversation.channel(), conversation.account());
        boolean toPublicPost = conversation.visibility() == org.heard.channels.Visibility.PUBLIC;
        var closed = rules.privateMessageClosed(toPublicPost, conversation.lastCustomerMessageAt(), Instant.now());
        var window = toPublicPost ? rules.privateReplyWindow() : rules.privateWindow();
        var noteViews = notes.findByConversationIdOrderByCreatedAtAsc(id).stream()
                .map(n -> new ConversationView.NoteView(
                        n.id(),
                        n.authorUserId() == null ? AUTOMATED : names.getOrDefault(n.authorUserId(), "A colleague"),
                        n.text(),
                        n.createdAt()))
                .toList();
        return new ConversationView(
                conversation.id(),
                conversation.channel(),
                conversation.visibility().name(),
                conversation.status(),
                conversation.priority(),
                PriorityLevel.of(conversation.priority()).label(),
                conversation.priorityReason(),
                conversation.queue(),
                List.copyOf(new java.util.TreeSet<>(conversation.tags())),
                conversation.status() == ConversationStatus.RESOLVED ? null : conversation.dueAt(),
                conversation.dueWhat(),
                conversation.assigneeId(),
                conversation.assigneeId() == null ? null : names.get(conversation.assigneeId()),
                conversation.createdAt(),
                conversation.firstResponseAt(),
                customer,
                thread,
                noteViews,
                rules.maxLength(),
                markers(id, names),
                closed,
                closed != null && window != null && window.templates(),
                conversation.account());
    }

    private List<ConversationView.Marker> markers(long id, Map<Long, String> names) {
        return continuations.involving(id).stream()
                .map(c -> {
                    var by = names.getOrDefault(c.byUserId(), "A colleague");
                    var time = MARKER_TIME.format(c.at());
                    if (c.conversationId() != id) {
                        var from = c.fromVisibility() == org.heard.channels.Visibility.PUBLIC ? "public " : "";
                        return new ConversationView.Marker(
                                c.intoAfterMessageId(),
                                "Continued from " + from + "conversation #" + c.conversationId(),
                                by,
                                c.at(),
                                time,
                                c.conversationId());
                    }
                    String text;
                    if (c.toConversationId() != null) {
                        text = "Continued in conversation #" + c.toConversationId();
                    } else if (!c.toChannel().equals(c.fromChannel())) {
                        text = "Continued on " + c.toChannel();
                    } else {
                        text = "Continued privately";
                    }
                    return new ConversationView.Marker(
                            c.afterMessageId(), text, by, c.at(), time, c.toConversationId());
                })
                .toList();
    }

    /** The queues unresolved conversations are in, and the one the filter names, for the queue filter. */
    @Transactional(readOnly = true)
    public List<String> queuesInUse(InboxFilter filter) {
        // A loose index scan: one index probe per queue instead of reading every open conversation.
        var queues = new java.util.TreeSet<>(jdbc.sql("""
                        with recursive q (queue) as (
                            (select queue from conversations where status <> 'RESOLVED' and queue is not null
                             order by queue limit 1)
                            union all
                            select (select c.queue from conversations c where c.status <> 'RESOLVED' and c.queue > q.queue
                                    order by c.queue limit 1)
                            from q where q.queue is not null)
                        select queue from q where queue is not null
                        """).query(String.class).list());
        if (!filter.queue().equals("any")) {
            queues.add(filter.queue());
        }
        return List.copyOf(queues);
    }

    @Transactional(readOnly = true)
    public InboxPage list(InboxFilter filter, long userId, @Nullable String cursor, int limit) {
        return list(filter, userId, cursor, limit, MessageSearch.RECENT, MessageSearch.FEW_MATCHES);
    }

    /**
     * The list; a search walks the {@code recent} newest conversations first, then looks its matches up by id when at
     * most {@code fewMatches} messages match (tests try each way).
     */
    @Transactional(readOnly = true)
    InboxPage list(InboxFilter filter, long userId, @Nullable String cursor, int limit, int recent, int fewMatches) {
        int size = Math.clamp(limit, 1, MAX_PAGE);
        var position = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        List<Raw> rows = List.of();
        if (filter.searching()) {
            // A common word fills a page from the newest conversations: try those first, at a bounded cost.
            var horizon = search.horizon(position, recent);
            if (horizon != null) {
                rows = rows(
                        filter,
                        userId,
                        position,
                        size,
                        (sql, params) -> search.within(sql, params, filter.q(), horizon));
            }
        }
        if (rows.size() <= size) {
            rows = rows(filter, userId, position, size, (sql, params) -> {
                if (filter.searching()) {
                    search.matching(sql, params, filter.q(), fewMatches);
                }
            });
        }
        var names = colleagueNames();
        var page = rows.stream().limit(size).toList();
        var matched = filter.searching()
                ? search.latestMatches(page.stream().map(Raw::id).toList(), filter.q())
                : Map.<Long, String>of();
        var items = page.stream()
                .map(raw -> raw.row(names, matched.getOrDefault(raw.id(), raw.preview())))
                .toList();
        String next = null;
        if (rows.size() > size) {
            var last = rows.get(size - 1);
            var since = filter.searching() ? last.lastMessageAt() : last.waitingKey();
            next = new Cursor(last.priority(), since, last.id()).encode();
        }
        return new InboxPage(items, next);
    }

    /** One page (and one row more, to know whether there is a next) of the filtered list, in its order. */
    private List<Raw> rows(
            InboxFilter filter,
            long userId,
            @Nullable Cursor position,
            int size,
            java.util.function.BiConsumer<StringBuilder, List<Object>> searchClause) {
        var sql = new StringBuilder("""
                select c.id, c.channel, c.visibility, c.status, c.priority, c.priority_reason, c.queue, c.tags, c.due_at,
                       c.due_what, c.assignee_id, c.last_message_preview,
                       c.last_message_at, c.last_customer_message_at,
                       coalesce(c.last_customer_message_at, c.created_at) waiting_key,
                       i.display_name, i.handle
                from conversations c join channel_identities i on i.id = c.identity_id where true
                """);
        var params = new ArrayList<Object>();
        switch (filter.status()) {
            case "open" -> sql.append(" and c.status <> 'RESOLVED'");
            case "all" -> {}
            default -> {
                sql.append(" and c.status = ?");
                params.add(filter.status().toUpperCase(java.util.Locale.ROOT));
            }
        }
        switch (filter.assignee()) {
            case "mine" -> {
                sql.append(" and c.assignee_id = ?");
                params.add(userId);
            }
            case "unassigned" -> sql.append(" and c.assignee_id is null");
            default -> {}
        }
        if (!filter.visibility().equals("any")) {
            sql.append(" and c.visibility = ?");
            params.add(filter.visibility().toUpperCase(java.util.Locale.ROOT));
        }
        if (!filter.channel().equals("any")) {
            sql.append(" and c.channel = ?");
            params.add(filter.channel());
        }
        if (!filter.queue().equals("any")) {
            sql.append(" and c.queue = ?");
            params.add(filter.queue());
        }
        if (filter.contact() != null) {
            sql.append(" and c.contact_id = ?");
            params.add(filter.contact());
        }
        searchClause.accept(sql, params);
        orderAndPage(sql, params, filter, position);
        params.add(size + 1);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new Raw(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        rs.getString("visibility"),
                        ConversationStatus.valueOf(rs.getString("status")),
                        rs.getInt("priority"),
                        rs.getString("priority_reason"),
                        rs.getString("queue"),
                        List.of((String[]) rs.getArray("tags").getArray()),
                        instant(rs.getTimestamp("due_at")),
                        rs.getString("due_what"),
                        (Long) rs.getObject("assignee_id"),
                        rs.getString("display_name"),
                        rs.getString("handle"),
                        previews.shown(rs.getString("visibility"), rs.getString("last_message_preview")),
                        rs.getTimestamp("last_message_at").toInstant(),
                        instant(rs.getTimestamp("last_customer_message_at")),
                        rs.getTimestamp("waiting_key").toInstant()))
                .list();
    }

    /**
     * The list is by priority, then longest waiting first; search results are newest first (a care agent searches for
     * what a customer said lately). Either way the cursor continues after the previous page's last row.
     */
    private static void orderAndPage(
            StringBuilder sql, List<Object> params, InboxFilter filter, @Nullable Cursor position) {
        if (filter.searching()) {
            if (position != null) {
                sql.append(" and (c.last_message_at, c.id) < (?, ?)");
                params.add(Timestamp.from(position.waitingSince()));
                params.add(position.id());
            }
            sql.append(" order by c.last_message_at desc, c.id desc limit ?");
            return;
        }
        if (position != null) {
            sql.append(" and (c.priority < ? or (c.priority = ?"
                    + " and (coalesce(c.last_customer_message_at, c.created_at), c.id) > (?, ?)))");
            params.add(position.priority());
            params.add(position.priority());
            params.add(Timestamp.from(position.waitingSince()));
            params.add(position.id());
        }
        sql.append(" order by c.priority desc, coalesce(c.last_customer_message_at, c.created_at), c.id limit ?");
    }

    /** How a customer's profile is named, or "Someone" for an unknown one. */
    String identityName(@Nullable Long identityId) {
        return identityId == null
                ? "Someone"
                : identities
                        .findById(identityId)
                        .map(ChannelIdentity::displayName)
                        .orElse("Someone");
    }

    private Map<Long, String> colleagueNames() {
        return colleagues.names();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Raw(
            long id,
            String channel,
            String visibility,
            ConversationStatus status,
            int priority,
            String priorityReason,
            @Nullable String queue,
            List<String> tags,
            @Nullable Instant dueAt,
            @Nullable String dueWhat,
            @Nullable Long assigneeId,
            String name,
            @Nullable String handle,
            String preview,
            Instant lastMessageAt,
            @Nullable Instant lastCustomerAt,
            Instant waitingKey) {

        InboxRow row(Map<Long, String> names, String shown) {
            return new InboxRow(
                    id,
                    channel,
                    visibility,
                    status,
                    priority,
                    PriorityLevel.of(priority).label(),
                    priorityReason,
                    queue,
                    tags,
                    status == ConversationStatus.RESOLVED ? null : dueAt,
                    dueWhat,
                    assigneeId,
                    assigneeId == null ? null : names.get(assigneeId),
                    name,
                    handle,
                    shown,
                    lastMessageAt,
                    status == ConversationStatus.PENDING || status == ConversationStatus.RESOLVED
                            ? null
                            : lastCustomerAt);
        }
    }

    /** Where a page ended: priority, waiting-since and id of its last row. */
    record Cursor(int priority, Instant waitingSince, long id) {

        String encode() {
            long micros = waitingSince.getEpochSecond() * 1_000_000 + waitingSince.getNano() / 1000;
            var raw = priority + ":" + micros + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                long micros = Long.parseLong(parts[1]);
                return new Cursor(
                        Integer.parseInt(parts[0]),
                        Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000),
                        Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                throw new Refused("That cursor is not one Heard gave out; start again without it.");
            }
        }
    }
}
