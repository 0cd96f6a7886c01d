package org.heard.replies.pii;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heard.channels.Moderation;
import org.heard.channels.Moderations;
import org.heard.channels.Visibility;
import org.heard.conversations.MessageMasks;
import org.heard.conversations.MessageReceived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps customers' personal data out of Heard's views. A public post with any personal data is masked, with a warning
 * that says how to get it off the network; a private message is masked only where it holds payment details (a card or
 * account number), which no agent needs to read to help and a leaked screen must not show. The findings are stored
 * with the message, in the transaction that threads it; the stored message keeps what the customer wrote, and a
 * supervisor may reveal a private one, which is recorded.
 */
@Component
class CustomerPii implements MessageMasks {

    /** What a private message is masked for: data no one needs on screen to help. */
    private static final Set<PiiKind> PAYMENT = Set.of(PiiKind.CARD_NUMBER, PiiKind.ACCOUNT_NUMBER);

    private final PiiDetector detector;
    private final Moderations moderations;
    private final JdbcClient jdbc;

    CustomerPii(PiiDetector detector, Moderations moderations, JdbcClient jdbc) {
        this.detector = detector;
        this.moderations = moderations;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MessageReceived received) {
        boolean inPublic = received.visibility() == Visibility.PUBLIC;
        var findings = findings(received.text(), inPublic);
        if (findings.isEmpty()) {
            return;
        }
        var kinds = findings.stream().map(f -> f.kind().name()).toArray(String[]::new);
        var spans =
                findings.stream().flatMap(f -> Stream.of(f.start(), f.end())).toArray(Integer[]::new);
        jdbc.sql("""
                        insert into message_pii (message_id, conversation_id, channel, kinds, spans, masked_text, private)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing
                        """)
                .params(
                        received.messageId(),
                        received.conversationId(),
                        received.channel(),
                        kinds,
                        spans,
                        PiiDetector.masked(received.text(), findings),
                        !inPublic)
                .update();
    }

    @Override
    public Map<Long, Masked> masked(long conversationId) {
        return jdbc
                .sql("""
                        select message_id, channel, kinds, masked_text, private from message_pii
                        where conversation_id = ?
                        """)
                .param(conversationId)
                .query((rs, i) -> Map.entry(
                        rs.getLong(1),
                        new Masked(
                                rs.getString(4),
                                rs.getBoolean(5)
                                        ? privateWarning(kinds(rs.getArray(3)))
                                        : warning(rs.getString(2), kinds(rs.getArray(3))),
                                rs.getBoolean(5))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public String masked(String text, boolean inPublic) {
        return PiiDetector.masked(text, findings(text, inPublic));
    }

    @Override
    public void revealed(long conversationId, long messageId, long byUserId) {
        jdbc.sql("insert into message_pii_reveals (message_id, conversation_id, user_id) values (?, ?, ?)")
                .params(messageId, conversationId, byUserId)
                .update();
    }

    private List<PiiFinding> findings(String text, boolean inPublic) {
        var all = detector.find(text);
        return inPublic
                ? all
                : all.stream().filter(f -> PAYMENT.contains(f.kind())).toList();
    }

    /** "This public post shows the customer's payment card number. Hide it on facebook, …" */
    String warning(String channel, List<PiiKind> kinds) {
        var hide = moderations.supported(channel).contains(Moderation.HIDE)
                ? "Hide it on " + channel + " (Hide, below)"
                : channel + " does not let Heard hide it: ask the customer to delete it";
        return "This public post shows the customer's " + nouns(kinds) + ". " + hide
                + ", and continue privately if you need it.";
    }

    /** "Masked: the customer's payment card number. A supervisor can reveal it; each reveal is recorded." */
    static String privateWarning(List<PiiKind> kinds) {
        return "Masked for everyone: the customer's " + nouns(kinds)
                + ". A supervisor can reveal it; each reveal is recorded.";
    }

    private static String nouns(List<PiiKind> kinds) {
        var nouns = kinds.stream()
                .map(k -> k.words().replaceFirst("^an? ", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return String.join(" and ", nouns);
    }

    private static List<PiiKind> kinds(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(PiiKind::valueOf).toList();
    }
}
