package org.heard.conversations.internal;

import java.util.HashMap;
import java.util.List;
import org.heard.conversations.WaitingReply;
import org.heard.identity.Colleagues;
import org.springframework.stereotype.Component;

/** Shows team replies to other modules: with the customer's name, and the thread that led to them. */
@Component
class WaitingReplyReader {

    private static final int THREAD = 6;

    private final Messages messages;
    private final Conversations conversations;
    private final InboxQueries queries;
    private final Colleagues colleagues;

    WaitingReplyReader(Messages messages, Conversations conversations, InboxQueries queries, Colleagues colleagues) {
        this.messages = messages;
        this.conversations = conversations;
        this.queries = queries;
        this.colleagues = colleagues;
    }

    WaitingReply withThread(Message reply) {
        var names = colleagues.names();
        var identityNames = new HashMap<Long, String>();
        var all = messages.findByConversationIdOrderBySentAtAscIdAsc(reply.conversationId()).stream()
                .filter(m -> m.id() < reply.id() && m.deliveryState() != DeliveryState.CANCELLED)
                .toList();
        var thread = all.subList(Math.max(0, all.size() - THREAD), all.size()).stream()
                .map(m -> new WaitingReply.Line(
                        m.direction() == Direction.INBOUND,
                        m.direction() == Direction.INBOUND
                                ? identityNames.computeIfAbsent(m.authorIdentityId(), queries::identityName)
                                : names.getOrDefault(m.authorUserId(), "A colleague"),
                        m.text(),
                        m.sentAt()))
                .toList();
        return view(reply, thread);
    }

    List<WaitingReply> list(List<Message> replies) {
        return replies.stream().map(m -> view(m, List.of())).toList();
    }

    private WaitingReply view(Message m, List<WaitingReply.Line> thread) {
        var customer = conversations
                .findById(m.conversationId())
                .map(c -> queries.identityName(c.identityId()))
                .orElse("Someone");
        return new WaitingReply(
                m.id(),
                m.conversationId(),
                m.authorUserId(),
                m.channel(),
                m.account(),
                m.visibility(),
                m.text(),
                m.deliveryState().name(),
                m.scheduledFor(),
                m.holdNote(),
                customer,
                thread);
    }
}
