package org.heard.conversations.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.heard.channels.Moderation;
import org.heard.channels.Moderations;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.platform.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Liking and hiding customers' public comments, done on the network at once rather than through the outbox: the
 * agent sees the result, or the network's refusal, as soon as they click, and nothing is left to send later when
 * the moment has passed. The state is recorded only after the network took the change, under a lock on the
 * message's row, so two clicks (or two colleagues) call the network once and the second finds it already done.
 */
@Service
public class CommentModeration {

    private final Messages messages;
    private final Conversations conversations;
    private final Moderations moderations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    CommentModeration(
            Messages messages,
            Conversations conversations,
            Moderations moderations,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.messages = messages;
        this.conversations = conversations;
        this.moderations = moderations;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /** What the team did to a comment so far. */
    public record State(boolean liked, boolean hidden) {

        static final State NONE = new State(false, false);

        boolean already(Moderation action) {
            return switch (action) {
                case LIKE -> liked;
                case UNLIKE -> !liked;
                case HIDE -> hidden;
                case UNHIDE -> !hidden;
            };
        }

        State after(Moderation action) {
            return switch (action) {
                case LIKE -> new State(true, hidden);
                case UNLIKE -> new State(false, hidden);
                case HIDE -> new State(liked, true);
                case UNHIDE -> new State(liked, false);
            };
        }

        /** What an agent can do next, of what the channel supports: Like or Unlike, Hide or Unhide. */
        List<Moderation> next(Set<Moderation> supported) {
            return java.util.stream.Stream.of(
                            liked ? Moderation.UNLIKE : Moderation.LIKE, hidden ? Moderation.UNHIDE : Moderation.HIDE)
                    .filter(supported::contains)
                    .toList();
        }
    }

    /** The state of every moderated message in a conversation. */
    Map<Long, State> states(long conversationId) {
        return jdbc
                .sql("""
                        select mm.message_id, mm.liked, mm.hidden from message_moderation mm
                        join messages m on m.id = mm.message_id where m.conversation_id = ?
                        """)
                .param(conversationId)
                .query((rs, i) -> Map.entry(rs.getLong(1), new State(rs.getBoolean(2), rs.getBoolean(3))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Set<Moderation> supported(String channel) {
        return moderations.supported(channel);
    }

    /**
     * Likes, hides or reverses that on a customer's public comment in this conversation.
     *
     * @throws Refused with the network's refusal, or why it cannot be done
     */
    public State moderate(long conversationId, long messageId, Moderation action, long userId) {
        return transactions.execute(status -> {
            var message = messages.findById(messageId)
                    .filter(m -> m.conversationId() == conversationId)
                    .orElseThrow(() ->
                            new ConversationNotFound("message " + messageId + " in conversation " + conversationId));
            if (message.direction() != Direction.INBOUND
                    || message.visibility() != Visibility.PUBLIC
                    || message.externalId() == null) {
                throw new Refused("Only a customer's public comment can be liked or hidden.");
            }
            if (!moderations.supported(message.channel()).contains(action)) {
                throw new Refused(message.channel() + " does not let Heard "
                        + action.name().toLowerCase(java.util.Locale.ROOT) + " a comment.");
            }
            jdbc.sql("insert into message_moderation (message_id) values (?) on conflict do nothing")
                    .param(messageId)
                    .update();
            var state = jdbc.sql("select liked, hidden from message_moderation where message_id = ? for update")
                    .param(messageId)
                    .query((rs, i) -> new State(rs.getBoolean(1), rs.getBoolean(2)))
                    .single();
            if (state.already(action)) {
                return state;
            }
            try {
                moderations.moderate(message.channel(), message.account(), message.externalId(), action);
            } catch (SendFailed e) {
                throw new Refused(
                        e.getMessage() + (e.retryable() ? " Nothing was changed; try again in a moment." : ""));
            }
            var next = state.after(action);
            jdbc.sql("""
                            update message_moderation set liked = ?, hidden = ?, updated_by = ?, updated_at = now()
                            where message_id = ?
                            """).params(next.liked(), next.hidden(), userId, messageId).update();
            conversations.findById(conversationId).ifPresent(c -> events.publishEvent(c.changed()));
            return next;
        });
    }
}
