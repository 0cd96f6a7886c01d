package org.heard.replies.composer;

import org.heard.conversations.ReplyAttempt;
import org.heard.conversations.ReplyCheck;
import org.heard.conversations.ReplyVerdict;
import org.heard.replies.ReplyVariables;
import org.springframework.stereotype.Component;

/** A reply is never sent with {@code {{…}}} in it: a variable Heard could not fill in is the agent's to write. */
@Component
class UnfilledVariables implements ReplyCheck {

    private final ReplyVariables variables;

    UnfilledVariables(ReplyVariables variables) {
        this.variables = variables;
    }

    @Override
    public ReplyVerdict check(ReplyAttempt attempt) {
        if (ReplyVariables.unfilled(attempt.text()).isEmpty()) {
            return ReplyVerdict.SEND;
        }
        // Rendered again with no values only to name what is left, known or not.
        var problem = variables.render(attempt.text(), java.util.Map.of()).problem();
        return new ReplyVerdict.Refuse(problem, false);
    }
}
