package org.heard.conversations.internal;

import org.heard.channels.Visibility;
import org.heard.conversations.ConversationReplies;
import org.heard.conversations.ReplyReceipt;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Replies for other modules through the inbox's own reply path, so they are stored, checked and sent alike. */
@Service
class InboxReplies implements ConversationReplies {

    private final Inbox inbox;

    InboxReplies(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public ReplyReceipt reply(long conversationId, long userId, String text, @Nullable Visibility visibility) {
        var chosen = visibility != null
                ? visibility
                : inbox.conversation(conversationId).visibility();
        var message = inbox.reply(conversationId, userId, new ReplyDraft(text, chosen));
        return new ReplyReceipt(message.id(), message.deliveryState() == DeliveryState.HELD ? heldNote(message) : null);
    }

    private static String heldNote(Message message) {
        var note = message.holdNote();
        return note == null || note.isBlank() ? "Waiting for approval." : note;
    }
}
