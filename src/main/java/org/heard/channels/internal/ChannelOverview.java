package org.heard.channels.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.heard.channels.AccountStatus;
import org.heard.channels.ChannelConnector;
import org.heard.channels.CredentialField;
import org.heard.channels.internal.AccountStore.StoredAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The channels an admin can connect accounts on, with their accounts, as the page and the API show
 * them. Secret values never leave here: only the fields the connector marks as not secret are shown.
 */
@Component
class ChannelOverview {

    private final ConnectorRegistry connectors;
    private final AccountStore store;
    private final CredentialsCipher cipher;
    private final CredentialsKey keys;

    ChannelOverview(ConnectorRegistry connectors, AccountStore store, CredentialsCipher cipher, CredentialsKey keys) {
        this.connectors = connectors;
        this.store = store;
        this.cipher = cipher;
        this.keys = keys;
    }

    /**
     * A channel whose accounts an admin connects.
     *
     * @param fields what the connect form asks for
     */
    record ChannelView(String channel, String displayName, List<CredentialField> fields, List<AccountView> accounts) {}

    /**
     * An account as the admin sees it.
     *
     * @param webhookUrl where the network delivers this account's webhooks
     * @param verifyToken the token to paste into the network's console where it asks for one
     * @param settings the values of the fields that are not secret, to fill the form for a change
     */
    record AccountView(
            long id,
            String channel,
            String externalId,
            String name,
            AccountStatus status,
            @Nullable String statusDetail,
            String webhookUrl,
            @Nullable String verifyToken,
            Map<String, String> settings,
            Instant connectedAt,
            Instant updatedAt) {}

    List<ChannelView> channels(String base) {
        var accounts = store.all();
        return connectors.installed().stream()
                .map(connectors::get)
                .filter(ConnectedAccounts::hasAccounts)
                .sorted(Comparator.comparing(ChannelConnector::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(connector -> view(connector, accounts, base))
                .toList();
    }

    /** The channels that need no account, such as the sandbox, named for the page. */
    List<String> withoutAccounts() {
        return connectors.installed().stream()
                .map(connectors::get)
                .filter(connector -> !ConnectedAccounts.hasAccounts(connector))
                .map(ChannelConnector::displayName)
                .sorted()
                .toList();
    }

    ChannelView channel(String channel, String base) {
        var connector = connectors.find(channel).orElseThrow(() -> new WebhookEndpoint.UnknownChannel(channel));
        return view(connector, store.all(), base);
    }

    AccountView account(StoredAccount account, String base) {
        var connector = connectors.find(account.channel());
        Map<String, String> settings = new TreeMap<>();
        if (connector.isPresent()) {
            try {
                var credentials = cipher.open(account.credentials(), account.channel(), account.key());
                connector.get().credentialFields().stream()
                        .filter(field -> !field.secret())
                        .forEach(field -> credentials.find(field.name()).ifPresent(v -> settings.put(field.name(), v)));
            } catch (CredentialsCipher.Unreadable e) {
                // nothing to show; the account's status tells the admin why
            }
        }
        return new AccountView(
                account.id(),
                account.channel(),
                account.externalId(),
                account.name(),
                account.status(),
                account.statusDetail(),
                WebhookAddress.of(base, account.channel(), account.key()),
                account.verifyToken(),
                settings,
                account.connectedAt(),
                account.updatedAt());
    }

    /** Whether Heard has a key to encrypt credentials with, so accounts can be connected at all. */
    boolean canStoreCredentials() {
        return keys.currentIfAny().isPresent();
    }

    private ChannelView view(ChannelConnector connector, List<StoredAccount> accounts, String base) {
        return new ChannelView(
                connector.channel(),
                connector.displayName(),
                connector.credentialFields(),
                accounts.stream()
                        .filter(account -> account.channel().equals(connector.channel()))
                        .map(account -> account(account, base))
                        .toList());
    }
}
