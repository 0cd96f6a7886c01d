package org.heard.replies.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.heard.channels.BrandPostFailed;
import org.heard.channels.BrandPostSent;
import org.heard.channels.Channels;
import org.heard.channels.Outbox;
import org.heard.channels.PostTarget;
import org.heard.platform.Refused;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The brand's scheduled posts. When one is due, one node claims it ({@code SKIP LOCKED}) and hands it to the
 * outbox in the same transaction, so it is posted once however many nodes watch; the outbox's idempotency
 * key keeps the network from posting it twice.
 */
@Service
public class ScheduledPosts {

    private static final String COLUMNS =
            "id, channel, account, text, scheduled_for, status, author_id, external_id, error, sent_at";

    private final JdbcClient jdbc;
    private final Channels channels;
    private final Outbox outbox;
    private final Clock clock;

    ScheduledPosts(JdbcClient jdbc, Channels channels, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Schedules a post on a network that takes posts of the brand's own, checked against its length. */
    @Transactional
    public BrandPost schedule(String channel, String account, String text, Instant at, long authorId) {
        if (text == null || text.isBlank()) {
            throw new Refused("Write the post before scheduling it.");
        }
        var target = target(channel, account);
        var rules = channels.rules(target.channel(), target.account());
        int length = rules.length(text.strip());
        if (length > rules.maxLength()) {
            throw new Refused("This post has " + length + " characters; " + channel + " allows " + rules.maxLength()
                    + ". Shorten it.");
        }
        long id = jdbc.sql("""
                        insert into reply_posts (channel, account, text, scheduled_for, author_id)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(target.channel(), target.account(), text.strip(), Timestamp.from(at), authorId)
                .query(Long.class)
                .single();
        return find(id);
    }

    /** Withdraws a post that has not gone to the network yet. */
    @Transactional
    public BrandPost cancel(long id) {
        int cancelled = jdbc.sql("update reply_posts set status = 'CANCELLED' where id = ? and status = 'SCHEDULED'")
                .param(id)
                .update();
        if (cancelled == 0) {
            throw new Refused("Post " + id + " is not waiting for its time any more; it cannot be" + " cancelled.");
        }
        return find(id);
    }

    /** Posts still to go, soonest first, then the latest that went or failed. */
    @Transactional(readOnly = true)
    public List<BrandPost> recent() {
        return jdbc.sql("select " + COLUMNS + " from reply_posts where status in ('SCHEDULED', 'SENDING')"
                        + " or created_at > now() - interval '30 days'"
                        + " order by status in ('SCHEDULED', 'SENDING') desc, scheduled_for, id limit 200")
                .query(ScheduledPosts::post)
                .list();
    }

    @Transactional(readOnly = true)
    public BrandPost find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reply_posts where id = ?")
                .param(id)
                .query(ScheduledPosts::post)
                .optional()
                .orElseThrow(() -> new Refused("There is no scheduled post " + id + "."));
    }

    @Scheduled(fixedDelayString = "${heard.replies.schedule-interval:5s}")
    void watch() {
        sendDue();
    }

    /** Hands the posts whose time has come to the outbox; returns how many this node took. */
    @Transactional
    public int sendDue() {
        var due = jdbc.sql("""
                        update reply_posts set status = 'SENDING' where id in (
                            select id from reply_posts where status = 'SCHEDULED' and scheduled_for <= ?
                            order by scheduled_for, id limit 50 for update skip locked)
                        returning id, channel, account, text
                        """)
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        new PostTarget(rs.getString("channel"), rs.getString("account"), rs.getString("channel")),
                        rs.getString("text")))
                .list();
        due.forEach(post -> outbox.enqueuePost(post.id(), post.target(), post.text()));
        return due.size();
    }

    private record Due(long id, PostTarget target, String text) {}

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void sent(BrandPostSent event) {
        jdbc.sql("update reply_posts set status = 'SENT', external_id = ?, error = null, sent_at = ? where id = ?")
                .params(event.externalId(), Timestamp.from(event.sentAt()), event.postId())
                .update();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void failed(BrandPostFailed event) {
        jdbc.sql("update reply_posts set status = ?, error = ? where id = ?")
                .params(event.willRetry() ? "SENDING" : "FAILED", event.error(), event.postId())
                .update();
    }

    private PostTarget target(String channel, String account) {
        var targets = channels.postTargets();
        return targets.stream()
                .filter(t -> t.channel().equals(channel)
                        && (account == null || account.isBlank() || t.account().equals(account)))
                .findFirst()
                .orElseThrow(() -> new Refused(refusal(channel, targets)));
    }

    private static String refusal(String channel, List<PostTarget> targets) {
        var where = targets.stream().map(PostTarget::name).distinct().toList();
        return (channel == null || channel.isBlank()
                        ? "Choose where to post."
                        : channel
                                + " does not let Heard publish posts of the brand's own (Heard answers there), or no account"
                                + " of it is connected.")
                + (where.isEmpty()
                        ? " No connected network takes posts now."
                        : " Heard can post on: " + String.join(", ", where) + ".");
    }

    private static BrandPost post(ResultSet rs, int n) throws SQLException {
        var sentAt = rs.getTimestamp("sent_at");
        return new BrandPost(
                rs.getLong("id"),
                rs.getString("channel"),
                rs.getString("account"),
                rs.getString("text"),
                rs.getTimestamp("scheduled_for").toInstant(),
                rs.getString("status"),
                rs.getLong("author_id"),
                rs.getString("external_id"),
                rs.getString("error"),
                sentAt == null ? null : sentAt.toInstant());
    }
}
