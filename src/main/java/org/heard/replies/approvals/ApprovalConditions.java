package org.heard.replies.approvals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.heard.channels.Visibility;
import org.heard.conversations.ReplyAttempt;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * When a reply needs approval. Each condition that is set must hold; none set means every reply.
 *
 * @param agents the colleagues whose replies it catches (new hires, say)
 * @param queues the queues (keys) of the conversations it applies in
 * @param channels the networks it applies on
 * @param publicOnly whether it catches public replies only
 * @param terms words or phrases of which the reply contains at least one, whole words, any case
 */
public record ApprovalConditions(
        List<Long> agents, List<String> queues, List<String> channels, Boolean publicOnly, List<String> terms) {

    public ApprovalConditions {
        agents = agents == null ? List.of() : List.copyOf(agents);
        publicOnly = Boolean.TRUE.equals(publicOnly);
        queues = cleaned(queues, "queue");
        channels = cleaned(channels, "channel");
        terms = cleaned(terms, "term");
    }

    /** Whether the reply meets every condition that is set. */
    public boolean matches(ReplyAttempt reply) {
        return (agents.isEmpty() || agents.contains(reply.userId()))
                && (queues.isEmpty() || (reply.queue() != null && queues.contains(reply.queue())))
                && (channels.isEmpty() || channels.contains(reply.channel()))
                && (!publicOnly || reply.visibility() == Visibility.PUBLIC)
                && (terms.isEmpty() || terms.stream().anyMatch(term -> contains(reply.text(), term)));
    }

    /** The conditions as a supervisor reads them: "Public replies", "Replies by Ana or Ben". */
    public List<String> describe(Map<Long, String> names) {
        var said = new ArrayList<String>();
        if (!agents.isEmpty()) {
            said.add("Replies by "
                    + String.join(
                            " or ",
                            agents.stream()
                                    .map(id -> names.getOrDefault(id, "colleague #" + id))
                                    .toList()));
        }
        if (publicOnly) {
            said.add("Public replies");
        }
        if (!channels.isEmpty()) {
            said.add("On " + String.join(" or ", channels));
        }
        if (!queues.isEmpty()) {
            said.add("In queue " + String.join(" or ", queues));
        }
        if (!terms.isEmpty()) {
            said.add("Containing "
                    + String.join(" or ", terms.stream().map(t -> "“" + t + "”").toList()));
        }
        return said.isEmpty() ? List.of("Every reply") : said;
    }

    static boolean contains(String text, String term) {
        return Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text)
                .find();
    }

    private static List<String> cleaned(@Nullable List<String> values, String what) {
        if (values == null) {
            return List.of();
        }
        var cleaned = values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(v -> what.equals("channel") ? v.strip().toLowerCase(Locale.ROOT) : v.strip())
                .distinct()
                .toList();
        cleaned.stream().filter(v -> v.length() > 100).findFirst().ifPresent(v -> {
            throw new Refused("Keep each " + what + " under 100 characters: “" + v + "” is longer.");
        });
        return cleaned;
    }
}
