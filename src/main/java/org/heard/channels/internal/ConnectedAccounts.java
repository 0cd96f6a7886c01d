package org.heard.channels.internal;

import java.util.List;
import java.util.Optional;
import org.heard.channels.AccountSummary;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelAccounts;
import org.heard.channels.ChannelConnector;
import org.heard.channels.internal.AccountStore.StoredAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The accounts as the rest of Heard sees them, and the one place their credentials are opened. An
 * account whose credentials no configured key opens is marked failing with that reason, so the admin
 * sees it on the Channels page instead of Heard failing elsewhere.
 */
@Service
class ConnectedAccounts implements ChannelAccounts, AccountKeys {

    private static final Logger log = LoggerFactory.getLogger(ConnectedAccounts.class);

    private final AccountStore store;
    private final CredentialsCipher cipher;

    ConnectedAccounts(AccountStore store, CredentialsCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public List<AccountSummary> all() {
        return store.all().stream().map(ConnectedAccounts::summary).toList();
    }

    @Override
    public Optional<AccountSummary> find(String channel, String externalId) {
        return store.byExternalId(channel, externalId).map(ConnectedAccounts::summary);
    }

    @Override
    public Optional<ChannelAccount> inUse(String channel, String key) {
        return store.byKey(channel, key)
                .filter(account -> account.status() != org.heard.channels.AccountStatus.DISCONNECTED)
                .map(this::open);
    }

    /** The account in use with the network's id on a channel, opened; empty if unknown or disconnected. */
    Optional<ChannelAccount> inUseById(String channel, String externalId) {
        return store.byExternalId(channel, externalId)
                .filter(account -> account.status() != org.heard.channels.AccountStatus.DISCONNECTED)
                .map(this::open);
    }

    /**
     * The account with its credentials decrypted, for a connector to act with. Credentials written with
     * a previous key are sealed again with the current one on the way.
     *
     * @throws CredentialsCipher.Unreadable after marking the account failing
     */
    ChannelAccount open(StoredAccount account) {
        try {
            var credentials = cipher.open(account.credentials(), account.channel(), account.key());
            if (!cipher.current(account.credentials(), account.channel(), account.key())) {
                store.reseal(account.id(), cipher.seal(credentials, account.channel(), account.key()));
                log.info("Account {} on {} re-encrypted with the current key", account.id(), account.channel());
            }
            return new ChannelAccount(
                    account.id(),
                    account.channel(),
                    account.key(),
                    account.externalId(),
                    account.name(),
                    account.verifyToken(),
                    credentials);
        } catch (CredentialsCipher.Unreadable e) {
            log.warn("Account {} on {}: {}", account.id(), account.channel(), e.getMessage());
            store.markFailing(account.id(), e.getMessage());
            throw e;
        }
    }

    /** Whether a channel is one whose connector acts for accounts (the sandbox does not). */
    static boolean hasAccounts(ChannelConnector connector) {
        return !connector.credentialFields().isEmpty();
    }

    /** How an agent or admin names the account: "Telegram account @heard_bot". */
    static String describe(ChannelConnector connector, String accountName) {
        return "The " + connector.displayName() + " account " + accountName;
    }

    static AccountSummary summary(StoredAccount account) {
        return new AccountSummary(
                account.id(),
                account.channel(),
                account.externalId(),
                account.name(),
                account.status(),
                account.statusDetail());
    }
}
