package org.heard.selfservice.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts what each command was used for and what came of it. */
@Component
public class Figures {

    /** Something that happened with a command. */
    public enum Outcome {
        USED,
        ANSWERED,
        /** The bot closed the conversation it answered: a deflected use, unless a handover follows. */
        RESOLVED,
        LINK_SENT,
        LINKED,
        CASE_OPENED,
        HANDED_OVER,
        LOOKUP_FAILED,
        HELP
    }

    /** The tag under which help replies to unknown commands are counted. */
    public static final String UNKNOWN = "unknown";

    /**
     * One command's figures since it was first used.
     *
     * @param answered answered by the bot
     * @param deflected settled by the bot alone: answered, closed, and no person asked for afterwards
     */
    public record CommandFigures(
            String tag,
            long uses,
            long answered,
            long deflected,
            long linksSent,
            long linked,
            long casesOpened,
            long handedOver,
            long lookupsFailed,
            long helped) {

        /** The share of uses the bot answered alone, in whole per cent, or null before any use. */
        public @Nullable Integer deflectionPercent() {
            return uses == 0 ? null : (int) Math.round(100.0 * deflected / uses);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Figures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String tag, Outcome outcome, long conversationId, String channel) {
        jdbc.sql("""
                        insert into selfservice_events (tag, outcome, conversation_id, channel, at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(tag, outcome.name(), conversationId, channel, Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Every command's figures, the most used first. A use counts as deflected when the bot answered it and no
     * handover followed in that conversation.
     */
    @Transactional(readOnly = true)
    public List<CommandFigures> all() {
        return jdbc.sql("""
                        select tag,
                            count(*) filter (where outcome = 'USED') as uses,
                            count(*) filter (where outcome = 'ANSWERED') as answered,
                            count(distinct conversation_id) filter (where outcome = 'RESOLVED' and not exists (
                                select 1 from selfservice_events h
                                where h.conversation_id = e.conversation_id and h.outcome = 'HANDED_OVER')) as deflected,
                            count(*) filter (where outcome = 'LINK_SENT') as links_sent,
                            count(*) filter (where outcome = 'LINKED') as linked,
                            count(*) filter (where outcome = 'CASE_OPENED') as cases,
                            count(*) filter (where outcome = 'HANDED_OVER') as handed_over,
                            count(*) filter (where outcome = 'LOOKUP_FAILED') as lookups_failed,
                            count(*) filter (where outcome = 'HELP') as helped
                        from selfservice_events e group by tag
                        order by count(*) filter (where outcome in ('USED', 'HELP')) desc, tag
                        """)
                .query((rs, row) -> new CommandFigures(
                        rs.getString("tag"),
                        rs.getLong("uses"),
                        rs.getLong("answered"),
                        rs.getLong("deflected"),
                        rs.getLong("links_sent"),
                        rs.getLong("linked"),
                        rs.getLong("cases"),
                        rs.getLong("handed_over"),
                        rs.getLong("lookups_failed"),
                        rs.getLong("helped")))
                .list();
    }
}
