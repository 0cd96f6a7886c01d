package org.heard.selfservice.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the bot last did in each conversation it spoke in, so it knows when to keep quiet. */
@Component
class BotSessions {

    /** Where the bot stands in a conversation. */
    enum State {
        /** It answered; the customer may still ask for a person. */
        ANSWERED,
        /** It sent a one-time link and waits for the customer to connect their account. */
        LINK_SENT,
        /** It opened a case: a person is coming, the bot says no more. */
        CASE,
        /** It handed over to a person and says no more. */
        HANDED_OVER;

        boolean quiet() {
            return this == CASE || this == HANDED_OVER;
        }
    }

    /** The bot's part in one conversation. */
    record Session(long conversationId, String tag, State state, String lastAnswer) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    BotSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Session> find(long conversationId) {
        return jdbc.sql("select * from selfservice_conversations where conversation_id = ?")
                .param(conversationId)
                .query((rs, row) -> new Session(
                        rs.getLong("conversation_id"),
                        rs.getString("tag"),
                        State.valueOf(rs.getString("state")),
                        rs.getString("last_answer")))
                .optional();
    }

    void save(long conversationId, String tag, State state, String lastAnswer) {
        jdbc.sql("""
                        insert into selfservice_conversations (conversation_id, tag, state, last_answer, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (conversation_id) do update set tag = excluded.tag, state = excluded.state,
                            last_answer = excluded.last_answer, updated_at = excluded.updated_at
                        """)
                .params(conversationId, tag, state.name(), lastAnswer, Timestamp.from(clock.instant()))
                .update();
    }
}
