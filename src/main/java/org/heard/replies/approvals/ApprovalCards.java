package org.heard.replies.approvals;

import java.util.List;
import java.util.Map;
import org.heard.conversations.HeldReplies;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.springframework.stereotype.Component;

/** Builds what the approval pages show of each waiting reply. */
@Component
class ApprovalCards {

    private final Approvals approvals;
    private final HeldReplies held;
    private final Colleagues colleagues;

    ApprovalCards(Approvals approvals, HeldReplies held, Colleagues colleagues) {
        this.approvals = approvals;
        this.held = held;
        this.colleagues = colleagues;
    }

    /** Every waiting reply, those this colleague may decide first. */
    List<ApprovalCard> forReader(Colleague reader) {
        var names = names();
        return approvals.waiting().stream()
                .map(request -> new ApprovalCard(
                        request,
                        held.find(request.messageId()),
                        names.getOrDefault(request.authorId(), "A colleague"),
                        request.steps().stream().map(s -> s.describe(names)).toList(),
                        approvals.whyNot(request, reader)))
                .sorted(java.util.Comparator.comparing(card -> card.whyNot() != null))
                .toList();
    }

    Map<Long, String> names() {
        return colleagues.names();
    }
}
