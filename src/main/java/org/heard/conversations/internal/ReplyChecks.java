package org.heard.conversations.internal;

import java.time.Instant;
import org.heard.channels.Visibility;
import org.heard.conversations.ReplyAttempt;
import org.heard.conversations.ReplyCheck;
import org.heard.conversations.ReplyFinishing;
import org.heard.conversations.ReplyRefused;
import org.heard.conversations.ReplyVerdict;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks every {@link ReplyFinishing} to finish a reply's text, then every {@link ReplyCheck} about it: a refusal wins
 * over a hold, a hold over sending.
 */
@Component
class ReplyChecks {

    // Found when asked: the checks live in modules that use the conversations module's own services.
    private final ObjectProvider<ReplyCheck> checks;
    private final ObjectProvider<ReplyFinishing> finishings;

    ReplyChecks(ObjectProvider<ReplyCheck> checks, ObjectProvider<ReplyFinishing> finishings) {
        this.checks = checks;
        this.finishings = finishings;
    }

    /** The draft with its text as the customer will read it; a template's text is final and stays as it is. */
    ReplyDraft finished(Conversation conversation, long userId, ReplyDraft draft) {
        if (draft.template() != null) {
            return draft;
        }
        var text = draft.text();
        for (var finishing : finishings.orderedStream().toList()) {
            text = finishing.finish(attempt(conversation, userId, text, draft.visibility(), draft.sendAt(), false));
        }
        return text.equals(draft.text())
                ? draft
                : new ReplyDraft(text, draft.visibility(), draft.template(), draft.sendAt());
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
        var attempt = attempt(conversation, userId, text, visibility, sendAt, approved);
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

    private static ReplyAttempt attempt(
            Conversation conversation,
            long userId,
            String text,
            Visibility visibility,
            @Nullable Instant sendAt,
            boolean approved) {
        return new ReplyAttempt(
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
    }
}
