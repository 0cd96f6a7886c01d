package org.heard.replies.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.channels.Channels;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationCustomers;
import org.heard.identity.Colleagues;
import org.heard.replies.ReplyVariables;
import org.heard.replies.pii.PiiGuard;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Shows a reply as the customer will read it, through the same steps sending takes: variables filled in, signed,
 * counted the channel's way, and looked at by the guard, so that nothing the agent is told here comes as a surprise
 * when they press Send.
 */
@Service
public class Previews {

    private final ConversationCustomers customers;
    private final ComposerFinishing finishing;
    private final ReplyVariables variables;
    private final Signatures signatures;
    private final Colleagues colleagues;
    private final Channels channels;
    private final PiiGuard guard;

    Previews(
            ConversationCustomers customers,
            ComposerFinishing finishing,
            ReplyVariables variables,
            Signatures signatures,
            Colleagues colleagues,
            Channels channels,
            PiiGuard guard) {
        this.customers = customers;
        this.finishing = finishing;
        this.variables = variables;
        this.signatures = signatures;
        this.colleagues = colleagues;
        this.channels = channels;
        this.guard = guard;
    }

    public Preview preview(long conversationId, long userId, String text, Visibility visibility) {
        var customer = customers
                .of(conversationId)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no conversation " + conversationId));
        var written = text.strip();
        var rules = channels.rules(customer.channel(), customer.account());
        var shown = written.isEmpty() ? "" : finishing.finished(conversationId, userId, customer.channel(), written);
        var signature = colleagues
                .find(userId)
                .map(agent -> signatures.style(customer.channel()).signature(agent.signingName()))
                .filter(s -> !s.isEmpty())
                .map(String::strip)
                .orElse(null);
        var problem = written.isEmpty()
                ? null
                : guard.problem(shown, visibility, customer.visibility(), customer.channel(), customer.account());
        return new Preview(
                shown,
                parts(shown),
                rules.length(shown),
                rules.maxLength(),
                signature,
                ReplyVariables.unfilled(shown).isEmpty()
                        ? null
                        : variables.render(shown, Map.of()).problem(),
                problem == null ? null : problem.reason(),
                problem != null && problem.privately());
    }

    private static List<Preview.Part> parts(String text) {
        var parts = new ArrayList<Preview.Part>();
        var matcher = ReplyVariables.VARIABLE.matcher(text);
        int from = 0;
        while (matcher.find()) {
            if (matcher.start() > from) {
                parts.add(new Preview.Part(text.substring(from, matcher.start()), false));
            }
            parts.add(new Preview.Part(matcher.group(), true));
            from = matcher.end();
        }
        if (from < text.length()) {
            parts.add(new Preview.Part(text.substring(from), false));
        }
        return parts;
    }
}
