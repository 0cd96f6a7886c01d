package org.heard.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationCount;
import org.heard.conversations.ConversationCriteria;
import org.heard.conversations.ConversationSearch;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.ConversationSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds conversations by criteria, using the tag index for tags. */
@Service
class MatchingConversations implements ConversationSearch {

    static final int MAX_PAGE = 1000;

    private static final String SUMMARIES = """
            select c.id, c.channel, c.account, c.visibility, c.status, c.contact_id, c.last_message_at,
                   coalesce(i.display_name, i.handle, 'Someone') as name, i.handle
            from conversations c join channel_identities i on i.id = c.identity_id
            where %s
            """;

    private final JdbcClient jdbc;

    MatchingConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public ConversationCount count(ConversationCriteria criteria) {
        var where = Where.of(criteria);
        var byChannel = new LinkedHashMap<String, Long>();
        jdbc.sql("select c.channel, count(*) from conversations c where " + where.sql()
                        + " group by c.channel order by c.channel")
                .params(where.params())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> byChannel.put(e.getKey(), e.getValue()));
        var totals = jdbc.sql("select count(*), count(distinct c.contact_id) from conversations c where " + where.sql())
                .params(where.params())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new ConversationCount(totals[0], totals[1], byChannel);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConversationSummary> find(ConversationCriteria criteria, long afterId, int limit) {
        var where = Where.of(criteria);
        var params = new ArrayList<>(where.params());
        params.add(afterId);
        params.add(Math.clamp(limit, 1, MAX_PAGE));
        return jdbc.sql(SUMMARIES.formatted(where.sql() + " and c.id > ? order by c.id limit ?"))
                .params(params)
                .query(MatchingConversations::summary)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConversationSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUMMARIES.formatted("c.id = any(?) order by c.id"))
                .param(ids.toArray(Long[]::new))
                .query(MatchingConversations::summary)
                .list();
    }

    private static ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        return new ConversationSummary(
                rs.getLong("id"),
                rs.getString("channel"),
                rs.getString("account"),
                Visibility.valueOf(rs.getString("visibility")),
                ConversationStatus.valueOf(rs.getString("status")),
                rs.getLong("contact_id"),
                rs.getString("name"),
                rs.getString("handle"),
                rs.getTimestamp("last_message_at").toInstant());
    }

    /** The criteria as a SQL condition on {@code conversations c}, with its parameters in order. */
    private record Where(String sql, List<Object> params) {

        static Where of(ConversationCriteria criteria) {
            var sql = new StringBuilder("true");
            var params = new ArrayList<Object>();
            if (!criteria.tags().isEmpty()) {
                sql.append(" and c.tags @> ?::text[]");
                params.add(criteria.tags().toArray(String[]::new));
            }
            if (!criteria.statuses().isEmpty()) {
                sql.append(" and c.status = any(?::text[])");
                params.add(criteria.statuses().stream().map(Enum::name).toArray(String[]::new));
            }
            if (criteria.channel() != null) {
                sql.append(" and c.channel = ?");
                params.add(criteria.channel());
            }
            if (criteria.queue() != null) {
                sql.append(" and c.queue = ?");
                params.add(criteria.queue());
            }
            if (criteria.visibility() != null) {
                sql.append(" and c.visibility = ?");
                params.add(criteria.visibility().name());
            }
            return new Where(sql.toString(), params);
        }
    }
}
