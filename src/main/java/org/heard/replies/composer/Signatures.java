package org.heard.replies.composer;

import java.util.Map;
import java.util.stream.Collectors;
import org.heard.channels.Channels;
import org.heard.platform.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** How the team signs replies on each channel, as supervisors set it; a channel not set is not signed. */
@Repository
@Transactional
public class Signatures {

    private final JdbcClient jdbc;
    private final Channels channels;

    Signatures(JdbcClient jdbc, Channels channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    @Transactional(readOnly = true)
    public SignatureStyle style(String channel) {
        return jdbc.sql("select style from reply_signatures where channel = ?")
                .param(channel)
                .query(String.class)
                .optional()
                .map(SignatureStyle::valueOf)
                .orElse(SignatureStyle.NONE);
    }

    /** Every channel's style that a supervisor set. */
    @Transactional(readOnly = true)
    public Map<String, SignatureStyle> all() {
        return jdbc
                .sql("select channel, style from reply_signatures")
                .query((rs, i) -> Map.entry(rs.getString(1), SignatureStyle.valueOf(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every connected channel's style, and those of channels set before they were disconnected, by name. */
    @Transactional(readOnly = true)
    public Map<String, SignatureStyle> everyChannel() {
        var all = new java.util.TreeMap<String, SignatureStyle>();
        channels.names().forEach(c -> all.put(c, SignatureStyle.NONE));
        all.putAll(all());
        return all;
    }

    public void set(String channel, SignatureStyle style, long userId) {
        if (!channels.names().contains(channel)) {
            throw new Refused("Heard has no channel " + channel + "; choose one of "
                    + String.join(", ", new java.util.TreeSet<>(channels.names())) + ".");
        }
        jdbc.sql("""
                        insert into reply_signatures (channel, style, updated_by) values (?, ?, ?)
                        on conflict (channel) do update set style = excluded.style,
                        updated_by = excluded.updated_by, updated_at = now()
                        """).params(channel, style.name(), userId).update();
    }
}
