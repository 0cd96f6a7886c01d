package org.heard.triage.hours;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.heard.channels.Visibility;
import org.heard.platform.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** After how long a waiting customer hears "we're still on it", and what they hear. */
@Repository
@Transactional
class WaitUpdateThresholds {

    private final JdbcClient jdbc;

    WaitUpdateThresholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One update: sent once a customer has waited {@code after} of business time for a person.
     *
     * @param id 0 for one not saved yet
     */
    record WaitUpdate(long id, Duration after, String publicText, String privateText) {

        WaitUpdate {
            if (after == null || after.toSeconds() < 1) {
                throw new Refused(
                        "A wait update needs a positive waiting time such as PT30M or PT2H, not " + after + ".");
            }
            publicText = AwayTexts.checked(publicText, "publicText", 280);
            privateText = AwayTexts.checked(privateText, "privateText", AwayTexts.PRIVATE_LIMIT);
        }

        String text(Visibility visibility) {
            return visibility == Visibility.PUBLIC ? publicText : privateText;
        }
    }

    /** All updates, shortest wait first. */
    @Transactional(readOnly = true)
    List<WaitUpdate> all() {
        return jdbc.sql(
                        "select id, after_seconds, public_text, private_text from triage_wait_updates order by after_seconds")
                .query((rs, row) -> new WaitUpdate(
                        rs.getLong(1), Duration.ofSeconds(rs.getLong(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Replaces the updates. One that keeps its waiting time keeps its identity, so customers who already
     * had it do not get it again.
     */
    void replace(Collection<WaitUpdate> updates) {
        var seconds =
                updates.stream().map(u -> u.after().toSeconds()).distinct().toList();
        if (seconds.size() < updates.size()) {
            throw new Refused("Two wait updates have the same waiting time; keep one of them.");
        }
        jdbc.sql("delete from triage_wait_updates where not (after_seconds = any(?::bigint[]))")
                .param(seconds.toArray(Long[]::new))
                .update();
        for (var update : updates) {
            jdbc.sql("""
                            insert into triage_wait_updates (after_seconds, public_text, private_text) values (?, ?, ?)
                            on conflict (after_seconds) do update
                            set public_text = excluded.public_text, private_text = excluded.private_text
                            """)
                    .params(update.after().toSeconds(), update.publicText(), update.privateText())
                    .update();
        }
    }
}
