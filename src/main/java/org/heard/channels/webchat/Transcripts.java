package org.heard.channels.webchat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the widget shows a visitor: their messages and the team's replies, kept per web chat account and
 * visitor so a reload or a second tab shows the whole conversation.
 */
@Repository
class Transcripts {

    enum Side {
        VISITOR,
        TEAM
    }

    /**
     * One line of the transcript. {@code ref} is, on a visitor's line, the id the widget gave the message when it sent
     * it, so a widget that shows it already (as sent from this tab) recognises it when it reads the transcript again.
     */
    record Line(
            long id,
            Side side,
            String text,
            Instant at,
            @Nullable String ref) {

        Line(long id, Side side, String text, Instant at) {
            this(id, side, text, at, null);
        }
    }

    private final JdbcClient jdbc;

    Transcripts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a visitor's message once, however often its delivery is processed. */
    void visitorWrote(String account, String visitor, String externalId, String text, Instant at) {
        jdbc.sql("""
                        insert into webchat_transcripts (account, visitor, side, external_id, text, at)
                        values (?, ?, 'VISITOR', ?, ?, ?) on conflict (account, external_id) do nothing
                        """)
                .params(account, visitor, externalId, text, java.sql.Timestamp.from(at))
                .update();
    }

    /** Keeps a team reply once per idempotency key and answers its line, the first time or again. */
    Line teamWrote(String account, String visitor, String idempotencyKey, String text, Instant at) {
        jdbc.sql("""
                        insert into webchat_transcripts (account, visitor, side, external_id, text, at)
                        values (?, ?, 'TEAM', ?, ?, ?) on conflict (account, external_id) do nothing
                        """)
                .params(account, visitor, idempotencyKey, text, java.sql.Timestamp.from(at))
                .update();
        return jdbc.sql("""
                        select id, side, text, at, external_id from webchat_transcripts
                        where account = ? and external_id = ? and visitor = ?
                        """)
                .params(account, idempotencyKey, visitor)
                .query(Transcripts::line)
                .single();
    }

    /** The visitor's lines after {@code afterId} (all of them when null), oldest first, at most 200. */
    List<Line> lines(String account, String visitor, @Nullable Long afterId) {
        return jdbc.sql("""
                        select id, side, text, at, external_id from (
                          select id, side, text, at, external_id from webchat_transcripts
                          where account = ? and visitor = ? and id > ? order by id desc limit 200) latest
                        order by id
                        """)
                .params(account, visitor, afterId == null ? 0L : afterId)
                .query(Transcripts::line)
                .list();
    }

    /** A visitor's message is kept as {@code <visitor>:<the widget's id for it>}. */
    private static String sentAs(String externalId) {
        return externalId.substring(externalId.indexOf(':') + 1);
    }

    private static Line line(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        var side = Side.valueOf(row.getString("side"));
        return new Line(
                row.getLong("id"),
                side,
                row.getString("text"),
                row.getTimestamp("at").toInstant(),
                side == Side.VISITOR ? sentAs(row.getString("external_id")) : null);
    }
}
