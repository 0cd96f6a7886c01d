package org.heard.channels.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.heard.channels.AccountStatus;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.internal.AccountStore.StoredAccount;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' Channels page: each network with its accounts, their webhook URLs and verify tokens to
 * paste into the network's console, and forms to connect, test and disconnect. Every action answers
 * with the network's section alone, which htmx puts in place, saying what happened in it.
 */
@Controller
class ChannelsPage {

    /** Form fields named {@code credential.<field>} carry the connector's credential fields. */
    private static final String FIELD = "credential.";

    private final ChannelOverview overview;
    private final AccountConnections connections;
    private final AccountAudit audit;
    private final WebhookAddress address;

    ChannelsPage(ChannelOverview overview, AccountConnections connections, AccountAudit audit, WebhookAddress address) {
        this.overview = overview;
        this.connections = connections;
        this.audit = audit;
        this.address = address;
    }

    @ModelAttribute("active")
    String active() {
        return "channels";
    }

    @GetMapping("/admin/channels")
    String page(Model model, HttpServletRequest http) {
        model.addAttribute("channels", overview.channels(address.base(http)));
        model.addAttribute("withoutAccounts", overview.withoutAccounts());
        model.addAttribute("canStoreCredentials", overview.canStoreCredentials());
        model.addAttribute("audit", audit.recent(20));
        return "channels/channels";
    }

    @PostMapping("/admin/channels/{channel}/connect")
    String connect(
            @PathVariable String channel,
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal SignedInUser me,
            Model model,
            HttpServletRequest http) {
        return act(channel, model, http, () -> {
            var account = connections.connect(channel, credentials(form), address.base(http), me.asColleague());
            return "Connected " + account.name() + ".";
        });
    }

    @PostMapping("/admin/channels/accounts/{id}/change")
    String change(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal SignedInUser me,
            Model model,
            HttpServletRequest http) {
        var channel = connections.find(id).channel();
        return act(channel, model, http, () -> {
            var account = connections.change(id, credentials(form), address.base(http), me.asColleague());
            return "Saved the settings of " + account.name() + "; the network accepted them.";
        });
    }

    @PostMapping("/admin/channels/accounts/{id}/test")
    String test(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model, HttpServletRequest http) {
        var channel = connections.find(id).channel();
        return act(channel, model, http, () -> {
            StoredAccount account = connections.test(id, address.base(http), me.asColleague());
            if (account.status() != AccountStatus.CONNECTED) {
                throw new ConnectionFailed(account.name() + " failed the test: " + account.statusDetail());
            }
            return account.name() + " works: the network accepted its credentials.";
        });
    }

    @PostMapping("/admin/channels/accounts/{id}/disconnect")
    String disconnect(
            @PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model, HttpServletRequest http) {
        var channel = connections.find(id).channel();
        return act(channel, model, http, () -> {
            var account = connections.disconnect(id, me.asColleague());
            return "Disconnected " + account.name() + ". Its conversations stay; connect it again to answer there.";
        });
    }

    /** Does an admin action and answers with the channel's section, saying how it went. */
    private String act(String channel, Model model, HttpServletRequest http, Supplier<String> action) {
        try {
            model.addAttribute("notice", action.get());
        } catch (Refused | CredentialsKey.KeyMissing | AccountConnections.AccountDisconnected e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("c", overview.channel(channel, address.base(http)));
        model.addAttribute("canStoreCredentials", overview.canStoreCredentials());
        return "channels/channels :: channel";
    }

    private static Map<String, String> credentials(MultiValueMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, given) -> {
            if (name.startsWith(FIELD) && !given.isEmpty()) {
                values.put(name.substring(FIELD.length()), given.getFirst());
            }
        });
        return values;
    }
}
