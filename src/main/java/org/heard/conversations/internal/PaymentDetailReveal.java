package org.heard.conversations.internal;

import org.heard.conversations.MessageMasks;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A supervisor reads, as the customer wrote it, a private message whose payment details every view masks (to refund
 * the right card, say). Agents cannot; each reveal is recorded with who read which message, and nothing is unmasked
 * for anyone else or for longer than the answer that shows it.
 */
@Service
public class PaymentDetailReveal {

    private final Messages messages;
    private final ObjectProvider<MessageMasks> masks;

    PaymentDetailReveal(Messages messages, ObjectProvider<MessageMasks> masks) {
        this.messages = messages;
        this.masks = masks;
    }

    /** The message's text as written; refused to agents and for messages nothing masks. */
    @Transactional
    public String reveal(long conversationId, long messageId, SignedInUser who) {
        if (who.role() == Role.AGENT) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only a supervisor or an admin can reveal masked payment details.");
        }
        var message = messages.findById(messageId)
                .filter(m -> m.conversationId() == conversationId)
                .orElseThrow(
                        () -> new ConversationNotFound("message " + messageId + " in conversation " + conversationId));
        boolean revealable = masks.stream()
                .map(mask -> mask.masked(conversationId).get(messageId))
                .anyMatch(masked -> masked != null && masked.revealable());
        if (!revealable) {
            throw new Refused("Nothing in this message is masked from you.");
        }
        masks.forEach(mask -> mask.revealed(conversationId, messageId, who.id()));
        return message.text();
    }
}
