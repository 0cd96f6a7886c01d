package org.heard.replies.pii;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.heard.channels.Moderation;
import org.heard.channels.Moderations;
import org.heard.channels.Visibility;
import org.heard.conversations.MessageMasks;
import org.heard.conversations.MessageReceived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notices when customers post their own personal data in public, and keeps it out of Heard's views: the findings
 * are stored with the message, in the transaction that threads it, and the conversation shows the post masked with a
 * warning that says how to get it off the network. The stored message keeps what the customer wrote; no view shows
 * it, since an agent who needs the data asks for it privately.
 */
@Component
class PublicPostPii implements MessageMasks {

    private final PiiDetector detector;
    private final Moderations moderations;
    private final JdbcClient jdbc;

    PublicPostPii(PiiDetector detector, Moderations moderations, JdbcClient jdbc) {
        this.detector = detector;
        this.moderations = moderations;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MessageReceived received) {
        if (received.visibility() != Visibility.PUBLIC) {
            return;
        }
        var findings = detector.find(received.text());
        if (findings.isEmpty()) {
            return;
        }
        var kinds = findings.stream().map(f -> f.kind().name()).toArray(String[]::new);
        var spans = findings.stream()
                .flatMap(f -> java.util.stream.Stream.of(f.start(), f.end()))
                .toArray(Integer[]::new);
        jdbc.sql("""
                        insert into message_pii (message_id, conversation_id, channel, kinds, spans, masked_text)
                        values (?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing
                        """)
                .params(
                        received.messageId(),
                        received.conversationId(),
                        received.channel(),
                        kinds,
                        spans,
                        PiiDetector.masked(received.text(), findings))
                .update();
    }

    @Override
    public Map<Long, Masked> masked(long conversationId) {
        return jdbc
                .sql("select message_id, channel, kinds, masked_text from message_pii where conversation_id = ?")
                .param(conversationId)
                .query((rs, i) -> Map.entry(
                        rs.getLong(1), new Masked(rs.getString(4), warning(rs.getString(2), kinds(rs.getArray(3))))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public String masked(String text) {
        return PiiDetector.masked(text, detector.find(text));
    }

    /** "This public post shows the customer's payment card number. Hide it on facebook, …" */
    String warning(String channel, List<PiiKind> kinds) {
        var nouns = kinds.stream()
                .map(k -> k.words().replaceFirst("^an? ", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        var shown = String.join(" and ", nouns);
        var hide = moderations.supported(channel).contains(Moderation.HIDE)
                ? "Hide it on " + channel + " (Hide, below)"
                : channel + " does not let Heard hide it: ask the customer to delete it";
        return "This public post shows the customer's " + shown + ". " + hide
                + ", and continue privately if you need it.";
    }

    private static List<PiiKind> kinds(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(PiiKind::valueOf).toList();
    }
}
