package org.heard.replies.saved;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.heard.identity.Colleague;
import org.heard.identity.Role;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The team's saved replies and each agent's own. Everyone reads the team's and their own; an agent keeps their own,
 * supervisors keep the team's. Someone else's own replies are not there for anyone else, not even to be found.
 */
@Repository
@Transactional
public class SavedReplies {

    private static final String COLUMNS = "id, owner_id, title, text, channel, tags, shortcut, updated_at";

    private final JdbcClient jdbc;

    SavedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The team's and the person's own, the team's first, each by title. */
    @Transactional(readOnly = true)
    public List<SavedReply> visibleTo(long userId) {
        return jdbc.sql("select " + COLUMNS + " from saved_replies where owner_id is null or owner_id = ?"
                        + " order by owner_id nulls first, lower(title), id")
                .param(userId)
                .query(SavedReplies::reply)
                .list();
    }

    /**
     * Those a person may pick for a channel whose title, shortcut or tag contains the words; an exact shortcut
     * first, then the person's own, then by title.
     */
    @Transactional(readOnly = true)
    public List<SavedReply> search(long userId, String words, @Nullable String channel, int limit) {
        var query = words.strip().replaceFirst("^/", "").toLowerCase(java.util.Locale.ROOT);
        var like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from saved_replies where (owner_id is null or owner_id = :user)"
                        + " and (channel is null or channel = coalesce(cast(:channel as varchar), channel))"
                        + " and (:query = '' or lower(title) like :like or shortcut like :like"
                        + " or :query = any(tags) or lower(text) like :like)"
                        + " order by (shortcut = :query) desc nulls last, owner_id nulls last, lower(title), id"
                        + " limit :limit")
                .param("user", userId)
                .param("channel", channel)
                .param("query", query)
                .param("like", like)
                .param("limit", limit)
                .query(SavedReplies::reply)
                .list();
    }

    /** A saved reply the person may see. */
    @Transactional(readOnly = true)
    public SavedReply get(long id, Colleague who) {
        return find(id).filter(r -> r.team() || r.ownerId() == who.id()).orElseThrow(() -> notFound(id));
    }

    public SavedReply save(SavedReplyDraft draft, Colleague who) {
        mayKeep(draft.team(), who);
        var owner = draft.team() ? null : who.id();
        shortcutFree(draft.shortcut(), owner, null);
        long id = jdbc.sql("insert into saved_replies (owner_id, title, text, channel, tags, shortcut, updated_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(owner, draft.title(), draft.text(), draft.channel(), tags(draft), draft.shortcut(), who.id())
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    public SavedReply change(long id, SavedReplyDraft draft, Colleague who) {
        var current = get(id, who);
        mayKeep(current.team(), who);
        mayKeep(draft.team(), who);
        var owner = draft.team() ? null : current.team() ? who.id() : current.ownerId();
        shortcutFree(draft.shortcut(), owner, id);
        jdbc.sql("update saved_replies set owner_id = ?, title = ?, text = ?, channel = ?, tags = ?, shortcut = ?,"
                        + " updated_by = ?, updated_at = now() where id = ?")
                .params(
                        owner,
                        draft.title(),
                        draft.text(),
                        draft.channel(),
                        tags(draft),
                        draft.shortcut(),
                        who.id(),
                        id)
                .update();
        return find(id).orElseThrow();
    }

    public void remove(long id, Colleague who) {
        mayKeep(get(id, who).team(), who);
        jdbc.sql("delete from saved_replies where id = ?").param(id).update();
    }

    /** Whether the person may add, change and remove the team's saved replies. */
    public static boolean keepsTeamReplies(Colleague who) {
        return who.role() != Role.AGENT;
    }

    private static void mayKeep(boolean team, Colleague who) {
        if (team && !keepsTeamReplies(who)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Only supervisors change the team's saved replies; save a copy as your own to change it.");
        }
    }

    private void shortcutFree(@Nullable String shortcut, @Nullable Long owner, @Nullable Long except) {
        if (shortcut == null) {
            return;
        }
        jdbc.sql("select title from saved_replies where shortcut = ? and owner_id is not distinct from ?"
                        + " and id is distinct from ?")
                .params(shortcut, owner, except)
                .query(String.class)
                .optional()
                .ifPresent(title -> {
                    throw new Refused("The shortcut /" + shortcut + " is taken by \"" + title + "\"; choose another.");
                });
    }

    private Optional<SavedReply> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from saved_replies where id = ?")
                .param(id)
                .query(SavedReplies::reply)
                .optional();
    }

    private static String[] tags(SavedReplyDraft draft) {
        return draft.tags().toArray(String[]::new);
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no saved reply " + id + ".");
    }

    private static SavedReply reply(ResultSet rs, int row) throws SQLException {
        return new SavedReply(
                rs.getLong("id"),
                (Long) rs.getObject("owner_id"),
                rs.getString("title"),
                rs.getString("text"),
                rs.getString("channel"),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getString("shortcut"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
