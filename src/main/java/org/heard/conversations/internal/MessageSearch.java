package org.heard.conversations.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the inbox list keeps only conversations with a message matching a search (ADR 0011). PostgreSQL cannot be left to
 * choose the way: for a word missing from its statistics it guesses "common" and walks conversations newest first, and
 * for a word that is nowhere it then reads every one of them (seconds at a million). So the list tries, in order:
 * <ol>
 *   <li>{@link #within}: the newest {@value #RECENT} conversations only, walked newest first — a common word fills its
 *       page there at a bounded cost;
 *   <li>{@link #matching}: else up to {@code fewMatches} matching messages straight from the search index, their
 *       conversations looked up by id (a rare word: an order number, a name); only when there are more does it walk
 *       all conversations newest first.
 * </ol>
 * The words are only ever a bound value: {@code websearch_to_tsquery} reads any text without a syntax error.
 */
@Component
class MessageSearch {

    /** How many of the newest conversations a search walks before it asks the search index. */
    static final int RECENT = 300;

    /** Up to this many matching messages, their conversations are looked up by id. */
    static final int FEW_MATCHES = 5000;

    private static final String MATCHES = "m.search_vector @@ websearch_to_tsquery('simple', ?)";

    private final JdbcClient jdbc;

    MessageSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code recent}th conversation after {@code position}, newest first, or null when fewer are left. */
    InboxQueries.@Nullable Cursor horizon(InboxQueries.@Nullable Cursor position, int recent) {
        var sql = "select last_message_at, id from conversations"
                + (position == null ? "" : " where (last_message_at, id) < (?, ?)")
                + " order by last_message_at desc, id desc offset ? limit 1";
        var query = jdbc.sql(sql);
        if (position != null) {
            query = query.params(Timestamp.from(position.waitingSince()), position.id());
        }
        return query.param(recent - 1)
                .query((rs, i) -> new InboxQueries.Cursor(0, rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .optional()
                .orElse(null);
    }

    /** Keeps the conversations with a match among those no older than {@code horizon}. */
    void within(StringBuilder sql, List<Object> params, String q, InboxQueries.Cursor horizon) {
        // A walk, not the index: collecting a common word's matches from the index costs what the walk saves.
        jdbc.sql("set local enable_bitmapscan = off").update();
        sql.append(" and (c.last_message_at, c.id) >= (?, ?)");
        params.add(Timestamp.from(horizon.waitingSince()));
        params.add(horizon.id());
        walk(sql, params, q);
    }

    /** Keeps the conversations with a match: by id when at most {@code fewMatches} messages match, else by walking. */
    void matching(StringBuilder sql, List<Object> params, String q, int fewMatches) {
        // Only the search index may say how rare the words are; a scan would read the whole table to say "none".
        jdbc.sql("set local enable_bitmapscan to default").update();
        jdbc.sql("set local enable_seqscan = off").update();
        jdbc.sql("set local enable_indexscan = off").update();
        var found = jdbc.sql("select conversation_id from messages m where " + MATCHES + " limit ?")
                .params(q, fewMatches + 1)
                .query(Long.class)
                .list();
        jdbc.sql("set local enable_seqscan to default").update();
        jdbc.sql("set local enable_indexscan to default").update();
        if (found.size() <= fewMatches) {
            sql.append(" and c.id = any(?)");
            params.add(found.stream().distinct().toArray(Long[]::new));
        } else {
            walk(sql, params, q);
        }
    }

    private static void walk(StringBuilder sql, List<Object> params, String q) {
        sql.append(" and exists (select 1 from messages m where m.conversation_id = c.id and " + MATCHES + ")");
        params.add(q);
    }

    /** The newest matching message of each conversation found, shown instead of its latest message. */
    Map<Long, String> latestMatches(List<Long> conversations, String q) {
        if (conversations.isEmpty()) {
            return Map.of();
        }
        // One conversation at a time, newest message first, by the conversation's own index: the search index would
        // collect every match of a common word in the whole table before keeping these few conversations' ones.
        return jdbc
                .sql("""
                        select id, text from (
                            select c.id, (select left(m.text, 300) from messages m
                                          where m.conversation_id = c.id and %s
                                          order by m.sent_at desc, m.id desc limit 1) text
                            from unnest(?::bigint[]) c(id)) found
                        where text is not null
                        """.formatted(MATCHES))
                .params(q, conversations.toArray(Long[]::new))
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
