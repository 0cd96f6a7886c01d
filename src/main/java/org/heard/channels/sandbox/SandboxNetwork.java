package org.heard.channels.sandbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.heard.platform.AllNodes;
import org.heard.platform.LiveStream;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The simulated social network itself: people, a public timeline with threads, and private messages.
 * It knows nothing of Heard's inside; it tells Heard about customers' posts with signed webhooks
 * ({@link SandboxWebhooks}) and takes the brand's replies through its API, as a real network does.
 */
@SandboxEnabled
@Service
public class SandboxNetwork {

    public static final int MAX_TEXT = 1000;
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_.\\-]{1,60}");
    /** Posts with their author and recipient; callers add the where, order and limit. */
    private static final String POSTS = """
            select p.id, p.text, p.in_reply_to, p.private, p.created_at,
                   a.id a_id, a.handle a_handle, a.name a_name, a.followers a_followers, a.brand a_brand,
                   r.id r_id, r.handle r_handle, r.name r_name, r.followers r_followers, r.brand r_brand
            from sandbox_posts p join sandbox_personas a on a.id = p.persona_id
            left join sandbox_personas r on r.id = p.recipient_id
            """;

    private final JdbcClient jdbc;
    private final SandboxWebhooks webhooks;
    private final LiveStream live;

    SandboxNetwork(JdbcClient jdbc, SandboxWebhooks webhooks, MeterRegistry meters, AllNodes broadcasts) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.live = new LiveStream("sandbox", meters, broadcasts);
    }

    /** A live feed of the timeline: one {@code post} event, carrying its id, per new post. */
    public SseEmitter subscribe() {
        return live.subscribe();
    }

    @PreDestroy
    void close() {
        live.close();
    }

    /** A customer posts: in public, in reply to a post, or privately to the brand. */
    @Transactional
    public SandboxPost post(String authorHandle, String text, @Nullable Long inReplyTo, boolean isPrivate) {
        if (text == null || text.isBlank()) {
            throw new Refused("Write something to post.");
        }
        if (text.length() > MAX_TEXT) {
            throw new Refused("A sandbox post has at most " + MAX_TEXT + " characters.");
        }
        var author = personaOrNew(authorHandle);
        if (author.brand()) {
            throw new Refused("The brand answers from Heard's inbox, not from the sandbox page.");
        }
        if (inReplyTo != null && find(inReplyTo).isEmpty()) {
            throw new Refused("There is no post " + inReplyTo + " to reply to.");
        }
        var recipient = isPrivate ? brand().id() : null;
        long id = insert(author.id(), text, isPrivate ? null : inReplyTo, isPrivate, recipient, null);
        var post = find(id).orElseThrow();
        afterCommit(() -> {
            webhooks.deliver(post);
            live.publish("post", String.valueOf(id));
        });
        return post;
    }

    /**
     * The brand posts through the network's API. The idempotency key makes a repeated call return the
     * first post instead of posting again.
     */
    @Transactional
    public SandboxPost brandPost(
            String idempotencyKey,
            String text,
            @Nullable String inReplyTo,
            boolean isPrivate,
            @Nullable String recipient) {
        var existing = jdbc.sql("select id from sandbox_posts where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return find(existing.get()).orElseThrow();
        }
        if (text == null || text.isBlank()) {
            throw new Refused("A post needs text.");
        }
        Long parent = inReplyTo == null ? null : parseId(inReplyTo, "in_reply_to");
        if (parent != null && find(parent).isEmpty()) {
            throw new Refused("There is no post " + inReplyTo + " to reply to.");
        }
        Long to = null;
        if (isPrivate) {
            if (recipient == null) {
                throw new Refused("A private message needs a recipient.");
            }
            to = persona(parseId(recipient, "recipient"))
                    .orElseThrow(() -> new Refused("There is no person " + recipient + "."))
                    .id();
        }
        long id = insert(brand().id(), text, isPrivate ? null : parent, isPrivate, to, idempotencyKey);
        afterCommit(() -> live.publish("post", String.valueOf(id)));
        return find(id).orElseThrow();
    }

    public Optional<SandboxPost> find(long id) {
        return jdbc.sql(POSTS + "where p.id = ?")
                .param(id)
                .query(SandboxNetwork::post)
                .optional();
    }

    /** The newest posts, public and private, newest first. */
    public List<SandboxPost> recent(int limit) {
        return jdbc.sql(POSTS + "order by p.id desc limit ?")
                .param(limit)
                .query(SandboxNetwork::post)
                .list();
    }

    public List<Persona> personas() {
        return jdbc.sql("select * from sandbox_personas order by brand desc, id")
                .query(SandboxNetwork::persona)
                .list();
    }

    public Persona brand() {
        return jdbc.sql("select * from sandbox_personas where brand order by id limit 1")
                .query(SandboxNetwork::persona)
                .single();
    }

    List<SandboxPost> undelivered(int limit) {
        return jdbc.sql(POSTS
                        + "where p.delivered_at is null and not a.brand and p.delivery_attempts < 50 "
                        + "and p.created_at < now() - interval '2 seconds' order by p.id limit ?")
                .param(limit)
                .query(SandboxNetwork::post)
                .list();
    }

    private Persona personaOrNew(String handle) {
        if (handle == null || !HANDLE.matcher(handle).matches()) {
            throw new Refused("A handle has 1 to 60 letters, digits, dots, dashes or underscores, such as maria_g.");
        }
        jdbc.sql("insert into sandbox_personas (handle, name) values (?, ?) on conflict (handle) do nothing")
                .params(handle, handle)
                .update();
        return jdbc.sql("select * from sandbox_personas where handle = ?")
                .param(handle)
                .query(SandboxNetwork::persona)
                .single();
    }

    private Optional<Persona> persona(long id) {
        return jdbc.sql("select * from sandbox_personas where id = ?")
                .param(id)
                .query(SandboxNetwork::persona)
                .optional();
    }

    private long insert(
            long author,
            String text,
            @Nullable Long inReplyTo,
            boolean isPrivate,
            @Nullable Long recipient,
            @Nullable String key) {
        return jdbc.sql("""
                        insert into sandbox_posts (persona_id, text, in_reply_to, private, recipient_id, idempotency_key)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(author, text, inReplyTo, isPrivate, recipient, key)
                .query(Long.class)
                .single();
    }

    private static long parseId(String value, String field) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Refused(field + " must be a sandbox id such as 42, not '" + value + "'.");
        }
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static Persona persona(ResultSet rs, int row) throws SQLException {
        return new Persona(
                rs.getLong("id"),
                rs.getString("handle"),
                rs.getString("name"),
                rs.getLong("followers"),
                rs.getBoolean("brand"));
    }

    private static SandboxPost post(ResultSet rs, int row) throws SQLException {
        var author = new Persona(
                rs.getLong("a_id"),
                rs.getString("a_handle"),
                rs.getString("a_name"),
                rs.getLong("a_followers"),
                rs.getBoolean("a_brand"));
        long recipientId = rs.getLong("r_id");
        var recipient = rs.wasNull()
                ? null
                : new Persona(
                        recipientId,
                        rs.getString("r_handle"),
                        rs.getString("r_name"),
                        rs.getLong("r_followers"),
                        rs.getBoolean("r_brand"));
        long parentId = rs.getLong("in_reply_to");
        Long parent = rs.wasNull() ? null : parentId;
        return new SandboxPost(
                rs.getLong("id"),
                author,
                rs.getString("text"),
                parent,
                rs.getBoolean("private"),
                recipient,
                rs.getTimestamp("created_at").toInstant());
    }
}
