package org.heard.channels.webchat;

import org.heard.channels.InboundMessageNormalised;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps each visitor message in the widget's transcript, in the transaction that threads it. */
@Component
class VisitorMessages {

    private final Transcripts transcripts;

    VisitorMessages(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @EventListener
    void recorded(InboundMessageNormalised event) {
        var message = event.message();
        if (!WebChatConnector.CHANNEL.equals(message.channel())) {
            return;
        }
        transcripts.visitorWrote(
                message.account(),
                message.author().externalId(),
                message.externalId(),
                message.text(),
                message.sentAt());
    }
}
