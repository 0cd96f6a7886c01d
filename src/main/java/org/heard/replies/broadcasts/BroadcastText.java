package org.heard.replies.broadcasts;

import org.heard.replies.ReplyVariables;
import org.springframework.stereotype.Component;

/**
 * Turns a broadcast's text into the words one recipient gets: variables such as {@code {{first_name}}} are filled
 * in for each conversation and the colleague who started it. One that has no value for a recipient stays as
 * written, and the checks before sending refuse that recipient's reply with the reason.
 */
@Component
class BroadcastText {

    private final ReplyVariables variables;

    BroadcastText(ReplyVariables variables) {
        this.variables = variables;
    }

    String forRecipient(String text, long conversationId, long userId) {
        return variables.render(text, variables.values(conversationId, userId)).text();
    }
}
