package org.heard.conversations.web;

import org.heard.channels.Channels;
import org.heard.conversations.internal.InboxFilter;
import org.heard.conversations.internal.InboxQueries;
import org.heard.identity.Colleagues;
import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox pages: the list on the left, the open conversation on the right. Only these read the list's filters
 * from the request; the actions on a conversation ({@link InboxActions}) post fields of their own, such as the
 * assignee, which are not filters.
 */
@Controller
class InboxPages {

    private static final int PAGE = 50;

    private final InboxQueries queries;
    private final Channels channels;
    private final PaneModel pane;
    private final Colleagues colleagues;

    InboxPages(InboxQueries queries, Channels channels, PaneModel pane, Colleagues colleagues) {
        this.queries = queries;
        this.channels = channels;
        this.pane = pane;
        this.colleagues = colleagues;
    }

    @ModelAttribute("filter")
    InboxFilter filter(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @Nullable Long contact) {
        return new InboxFilter(status, assignee, visibility, channel, queue, q, contact);
    }

    @GetMapping({"/", "/inbox"})
    String inbox(@ModelAttribute("filter") InboxFilter filter, @AuthenticationPrincipal SignedInUser me, Model model) {
        page(filter, me, null, model);
        return "conversations/inbox";
    }

    @GetMapping("/inbox/list")
    String list(
            @ModelAttribute("filter") InboxFilter filter,
            @RequestParam(required = false) @Nullable Long selected,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        model.addAttribute("page", queries.list(filter, me.id(), cursor, PAGE));
        model.addAttribute("selectedId", selected);
        return cursor == null ? "conversations/list :: content" : "conversations/list :: rows";
    }

    @GetMapping("/inbox/{id}")
    String conversation(
            @PathVariable long id,
            @ModelAttribute("filter") InboxFilter filter,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        page(filter, me, id, model);
        return "conversations/inbox";
    }

    private void page(InboxFilter filter, SignedInUser me, @Nullable Long selected, Model model) {
        model.addAttribute("page", queries.list(filter, me.id(), null, PAGE));
        model.addAttribute("selectedId", selected);
        model.addAttribute("channels", channels.names().stream().sorted().toList());
        model.addAttribute("queues", queries.queuesInUse(filter));
        model.addAttribute("colleagues", colleagues.active());
        if (selected != null) {
            pane.fill(selected, model);
        }
    }
}
