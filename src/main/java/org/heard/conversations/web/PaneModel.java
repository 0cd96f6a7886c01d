package org.heard.conversations.web;

import java.util.List;
import org.heard.channels.SendFailed;
import org.heard.channels.Templates;
import org.heard.conversations.internal.Continuing;
import org.heard.conversations.internal.InboxQueries;
import org.heard.conversations.internal.Profiles;
import org.heard.identity.Colleagues;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the conversation pane shows: the conversation, colleagues, where it can go on and the customer's profiles. */
@Component
class PaneModel {

    private final InboxQueries queries;
    private final Colleagues colleagues;
    private final Continuing continuing;
    private final Profiles profiles;
    private final Templates templates;

    PaneModel(
            InboxQueries queries,
            Colleagues colleagues,
            Continuing continuing,
            Profiles profiles,
            Templates templates) {
        this.queries = queries;
        this.colleagues = colleagues;
        this.continuing = continuing;
        this.profiles = profiles;
        this.templates = templates;
    }

    void fill(long id, Model model) {
        var conversation = queries.detail(id);
        model.addAttribute("conversation", conversation);
        if (conversation.templatesOnly()) {
            try {
                model.addAttribute("templates", templates.approved(conversation.channel(), conversation.account()));
            } catch (SendFailed e) {
                model.addAttribute("templates", List.of());
                model.addAttribute(
                        "templatesProblem", "Heard cannot list the approved templates now: " + e.getMessage());
            }
        }
        model.addAttribute("colleagues", colleagues.active());
        model.addAttribute("continuation", continuing.options(id));
        var all = profiles.of(conversation.customer().contactId());
        long own = conversation.customer().identityId();
        model.addAttribute(
                "alsoOn", all.stream().filter(p -> p.identityId() != own).toList());
        model.addAttribute(
                "profile",
                all.stream().filter(p -> p.identityId() == own).findFirst().orElse(null));
    }
}
