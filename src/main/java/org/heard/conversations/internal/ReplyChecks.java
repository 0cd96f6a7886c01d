package org.heard.conversations.internal;

import java.time.Instant;
import org.heard.channels.Visibility;
import org.heard.conversations.ReplyAttempt;
import org.heard.conversations.ReplyCheck;
import org.heard.conversations.ReplyRefused;
import org.heard.conversations.ReplyVerdict;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks every {@link ReplyCheck} about a reply: a refusal wins over a hold, a hold over sending. */
@Component
class ReplyChecks {

    // Found when asked: the checks live in modules that use the conversations module's own services.
    private final ObjectProvider<ReplyCheck> checks;

    ReplyChecks(ObjectProvider<ReplyCheck> checks) {
        this.checks = checks;
    }

    /**
     * The verdict on a reply about to be stored; never a refusal, which is thrown.
     *
     * @throws ReplyRefused when a check refuses it
     */
    ReplyVerdict verdict(
            Conversation conversation,
            long userId,
            String text,
            Visibility visibility,
            @Nullable Instant sendAt,
            boolean approved) {
        var attempt = new ReplyAttempt(
                conversation.id(),
                userId,
                conversation.channel(),
                conversation.account(),
                conversation.visibility(),
                visibility,
                conversation.queue(),
                conversation.tags(),
                text,
                sendAt,
                approved);
        ReplyVerdict verdict = ReplyVerdict.SEND;
        for (var check : checks.orderedStream().toList()) {
            var said = check.check(attempt);
            if (said instanceof ReplyVerdict.Refuse(var reason, var movePrivate)) {
                throw new ReplyRefused(reason, movePrivate);
            }
            if (said instanceof ReplyVerdict.Hold && verdict instanceof ReplyVerdict.Send) {
                verdict = said;
            }
        }
        return verdict;
    }
}
