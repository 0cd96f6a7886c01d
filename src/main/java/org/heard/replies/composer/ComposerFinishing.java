package org.heard.replies.composer;

import org.heard.conversations.ReplyAttempt;
import org.heard.conversations.ReplyFinishing;
import org.heard.identity.Colleagues;
import org.heard.replies.ReplyVariables;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the preview shows is what is sent: the variables an agent left in a reply are filled in for the
 * conversation, then the reply is signed the way the team signs on that channel, before its length is checked.
 */
@Component
@Order(0)
class ComposerFinishing implements ReplyFinishing {

    private final ReplyVariables variables;
    private final Signatures signatures;
    private final Colleagues colleagues;

    ComposerFinishing(ReplyVariables variables, Signatures signatures, Colleagues colleagues) {
        this.variables = variables;
        this.signatures = signatures;
        this.colleagues = colleagues;
    }

    @Override
    public String finish(ReplyAttempt attempt) {
        return finished(attempt.conversationId(), attempt.userId(), attempt.channel(), attempt.text());
    }

    /** The agent's text as the customer will read it, variables with no value left as written. */
    String finished(long conversationId, long userId, String channel, String text) {
        var filled = ReplyVariables.VARIABLE.matcher(text).find()
                ? variables
                        .render(text, variables.values(conversationId, userId))
                        .text()
                : text;
        var agent = colleagues.find(userId);
        return agent.isEmpty()
                ? filled
                : signatures.style(channel).sign(filled, agent.get().signingName());
    }
}
