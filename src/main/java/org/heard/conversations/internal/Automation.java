package org.heard.conversations.internal;

import org.heard.channels.Visibility;
import org.heard.conversations.AutomatedConversations;
import org.heard.conversations.ConversationStatus;
import org.heard.platform.Refused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Carries out what a bot does in a conversation, inside the caller's transaction when there is one. */
@Service
@Transactional
class Automation implements AutomatedConversations {

    private final Conversations conversations;
    private final Notes notes;
    private final Inbox inbox;
    private final Continuing continuing;

    Automation(Conversations conversations, Notes notes, Inbox inbox, Continuing continuing) {
        this.conversations = conversations;
        this.notes = notes;
        this.inbox = inbox;
        this.continuing = continuing;
    }

    @Override
    public long replyPrivately(long conversationId, String text) {
        var conversation = conversation(conversationId);
        if (conversation.visibility() == Visibility.PUBLIC) {
            // The same checks an agent's move to private passes: connected, and the network lets the brand
            // write first.
            var target = continuing.target(conversation, null);
            var open = conversations.findUnresolved(
                    target.identity().id(), target.identity().channel(), target.account(), Visibility.PRIVATE);
            if (open.isPresent()) {
                conversation = open.get();
            } else {
                conversation.continueWith(target.identity(), target.account());
                inbox.changed(conversation);
            }
        }
        inbox.replyAutomatically(conversation.id(), text);
        return conversation.id();
    }

    @Override
    public void note(long conversationId, String text) {
        if (text.isBlank()) {
            throw new Refused("A note needs words.");
        }
        var conversation = conversation(conversationId);
        notes.save(Note.automated(conversation.id(), text.strip()));
        inbox.changed(conversation);
    }

    @Override
    public boolean resolveAnswered(long conversationId) {
        var conversation = conversation(conversationId);
        if (conversation.firstResponseAt() != null || conversation.status() == ConversationStatus.RESOLVED) {
            return false;
        }
        conversation.resolve();
        inbox.changed(conversation);
        return true;
    }

    @Override
    public long profileOf(long conversationId) {
        return conversation(conversationId).identityId();
    }

    private Conversation conversation(long id) {
        return conversations.findById(id).orElseThrow(() -> new Refused("There is no conversation " + id + "."));
    }
}
