package org.heard.replies.composer;

import java.util.List;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationCustomers;
import org.heard.identity.SignedInUser;
import org.heard.replies.ReplyVariables;
import org.heard.replies.saved.SavedReplies;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The composer's parts this module serves into the conversation pane: the saved-reply picker, which puts a saved
 * reply with its variables filled in into the reply for the agent to edit, and the preview as the customer will read
 * it, refreshed as the agent types.
 */
@Controller
class ComposerController {

    private static final int CHOICES = 8;

    private final SavedReplies saved;
    private final ReplyVariables variables;
    private final ConversationCustomers customers;
    private final Previews previews;

    ComposerController(
            SavedReplies saved, ReplyVariables variables, ConversationCustomers customers, Previews previews) {
        this.saved = saved;
        this.variables = variables;
        this.customers = customers;
        this.previews = previews;
    }

    /** A saved reply as the picker offers it: the text it puts in the reply, variables filled in where known. */
    record Choice(long id, String title, String shortcut, boolean team, String text, String preview) {}

    @GetMapping("/replies/picker")
    String picker(
            @RequestParam long conversation,
            @RequestParam(defaultValue = "") String q,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        model.addAttribute("conversationId", conversation);
        model.addAttribute("choices", choices(conversation, q, me));
        model.addAttribute("query", q);
        return "replies/composer :: picker";
    }

    @GetMapping("/replies/picker/choices")
    String choices(
            @RequestParam long conversation,
            @RequestParam(defaultValue = "") String q,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        model.addAttribute("choices", choices(conversation, q, me));
        model.addAttribute("query", q);
        return "replies/composer :: choices";
    }

    @PostMapping("/replies/preview")
    String preview(
            @RequestParam long conversation,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "public") String visibility,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        var chosen = "private".equalsIgnoreCase(visibility) ? Visibility.PRIVATE : Visibility.PUBLIC;
        model.addAttribute("preview", previews.preview(conversation, me.id(), text, chosen));
        return "replies/composer :: preview";
    }

    private List<Choice> choices(long conversation, String query, SignedInUser me) {
        var customer = customers
                .of(conversation)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no conversation."));
        var values = variables.values(conversation, me.id());
        return saved.search(me.id(), query, customer.channel(), CHOICES).stream()
                .map(r -> {
                    var text = variables.render(r.text(), values).text();
                    var flat = text.replaceAll("\\s+", " ");
                    return new Choice(
                            r.id(),
                            r.title(),
                            r.shortcut() == null ? "" : "/" + r.shortcut(),
                            r.team(),
                            text,
                            flat.length() > 90 ? flat.substring(0, 89) + "…" : flat);
                })
                .toList();
    }
}
