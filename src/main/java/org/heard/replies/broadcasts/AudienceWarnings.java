package org.heard.replies.broadcasts;

import java.util.ArrayList;
import java.util.List;
import org.heard.channels.Channels;
import org.heard.conversations.ConversationCount;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What would keep some recipients of a broadcast from getting it, said before it starts: a channel no longer
 * connected, a text longer than a network allows, people with several matching conversations.
 */
@Component
class AudienceWarnings {

    private final Channels channels;

    AudienceWarnings(Channels channels) {
        this.channels = channels;
    }

    List<String> about(ConversationCount count, @Nullable String text) {
        var warnings = new ArrayList<String>();
        count.byChannel().forEach((channel, conversations) -> {
            if (!channels.connected(channel)) {
                warnings.add(conversations + " on " + channel + ": Heard is not connected to " + channel
                        + " any more, so they will fail unless an admin connects it again.");
                return;
            }
            if (text == null || text.isBlank()) {
                return;
            }
            var rules = channels.rules(channel);
            int length = rules.length(text.strip());
            if (length > rules.maxLength()) {
                warnings.add(conversations + " on " + channel + ": this update has " + length + " characters and "
                        + channel + " allows " + rules.maxLength() + ", so they will fail. Shorten it, or leave "
                        + channel + " out with the channel filter.");
            }
        });
        long extra = count.conversations() - count.customers();
        if (extra > 0) {
            warnings.add(extra + (extra == 1 ? " conversation is" : " conversations are")
                    + " with someone who has another one here: each person gets the update once, in their latest.");
        }
        return warnings;
    }
}
