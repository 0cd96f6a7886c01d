package org.heard.channels.internal;

import java.util.List;
import java.util.Set;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.MessageTemplate;
import org.heard.channels.Moderation;
import org.heard.channels.Moderations;
import org.heard.channels.SendFailed;
import org.heard.channels.Templates;
import org.heard.platform.Refused;
import org.springframework.stereotype.Service;

/**
 * What other modules ask a network for one account, besides sending replies: its approved templates, and liking or
 * hiding a comment. The account is found by the network's id and opened here, so credentials never leave the
 * channels module.
 */
@Service
class AccountCalls implements Templates, Moderations {

    private final ConnectorRegistry connectors;
    private final ConnectedAccounts accounts;

    AccountCalls(ConnectorRegistry connectors, ConnectedAccounts accounts) {
        this.connectors = connectors;
        this.accounts = accounts;
    }

    @Override
    public List<MessageTemplate> approved(String channel, String account) throws SendFailed {
        var connector = connectors.find(channel).orElse(null);
        if (connector == null) {
            return List.of();
        }
        return connector.templates(open(channel, account));
    }

    @Override
    public Set<Moderation> supported(String channel) {
        return connectors.find(channel).map(c -> c.moderations()).orElse(Set.of());
    }

    @Override
    public void moderate(String channel, String account, String comment, Moderation action) throws SendFailed {
        var connector = connectors.find(channel).orElse(null);
        if (connector == null || !connector.moderations().contains(action)) {
            throw new Refused(channel + " does not let Heard do that to a comment.");
        }
        connector.moderate(open(channel, account), comment, action);
    }

    /** The account, or for a channel without accounts (a test network, the sandbox) one standing for it. */
    private ChannelAccount open(String channel, String account) throws SendFailed {
        var connector = connectors.get(channel);
        if (!ConnectedAccounts.hasAccounts(connector)) {
            return new ChannelAccount(0, channel, "", account, account, null, org.heard.channels.Credentials.none());
        }
        try {
            return accounts.inUseById(channel, account)
                    .orElseThrow(() -> SendFailed.refused(ConnectedAccounts.describe(connector, account)
                            + " is not connected any more; reconnect it in Channels."));
        } catch (CredentialsCipher.Unreadable | ConnectionFailed e) {
            throw SendFailed.refused(
                    ConnectedAccounts.describe(connector, account) + " cannot be used now: " + e.getMessage());
        }
    }
}
