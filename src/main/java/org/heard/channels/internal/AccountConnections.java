package org.heard.channels.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.heard.channels.AccountSetup;
import org.heard.channels.AccountStatus;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.internal.AccountAudit.Action;
import org.heard.channels.internal.AccountStore.StoredAccount;
import org.heard.identity.Colleague;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an admin does to connect an account: Heard makes the account's webhook key and verify token,
 * the connector checks the credentials with the network (and registers the webhook where the network
 * allows it), and only an account the network accepted is stored, sealed, with an audit entry. The
 * network is called outside any transaction, so a slow network holds no database connection.
 */
@Service
class AccountConnections {

    private static final Logger log = LoggerFactory.getLogger(AccountConnections.class);

    private final ConnectorRegistry connectors;
    private final AccountStore store;
    private final ConnectedAccounts accounts;
    private final CredentialsCipher cipher;
    private final CredentialsKey keys;
    private final AccountAudit audit;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    AccountConnections(
            ConnectorRegistry connectors,
            AccountStore store,
            ConnectedAccounts accounts,
            CredentialsCipher cipher,
            CredentialsKey keys,
            AccountAudit audit,
            TransactionTemplate transactions) {
        this.connectors = connectors;
        this.store = store;
        this.accounts = accounts;
        this.cipher = cipher;
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Connects a new account, or the same network account again over its old row. */
    StoredAccount connect(String channel, Map<String, String> values, String publicBase, Colleague actor) {
        var connector = connectable(channel);
        keys.current();
        var credentials = credentials(connector, values, Credentials.none());
        var key = randomToken(32);
        var verifyToken = randomToken(24);
        var connected = connectWithNetwork(connector, credentials, publicBase, key, verifyToken);
        var sealed = cipher.seal(credentials, channel, key);
        var stored = transactions.execute(status -> {
            var account = store.connect(new AccountStore.Connection(
                    channel, key, connected.externalId(), connected.name(), sealed, verifyToken));
            audit.record(account, Action.CONNECTED, null, actor);
            return account;
        });
        log.info("{} connected {} account {} ({})", actor.name(), channel, stored.externalId(), stored.id());
        return stored;
    }

    /**
     * New settings for a stored account: a secret left blank keeps its stored value. The network must
     * accept them for this same account; credentials of another account are connected as a new one.
     */
    StoredAccount change(long id, Map<String, String> values, String publicBase, Colleague actor) {
        var account = find(id);
        var connector = connectable(account.channel());
        keys.current();
        var credentials = credentials(connector, values, storedOrNone(account, values, connector));
        var connected = connectWithNetwork(connector, credentials, publicBase, account.key(), token(account));
        if (!connected.externalId().equals(account.externalId())) {
            throw new ConnectionFailed("These credentials are for " + connected.name() + ", not " + account.name()
                    + "; connect them as a new account.");
        }
        var sealed = cipher.seal(credentials, account.channel(), account.key());
        var stored = transactions.execute(status -> {
            var changed = store.confirm(id, connected.name(), sealed);
            audit.record(changed, Action.CHANGED, null, actor);
            return changed;
        });
        log.info(
                "{} changed the settings of {} account {} ({})",
                actor.name(),
                stored.channel(),
                stored.externalId(),
                id);
        return stored;
    }

    /** Asks the network again with the stored credentials and shows its answer as the account's status. */
    StoredAccount test(long id, String publicBase, Colleague actor) {
        var account = find(id);
        if (account.status() == AccountStatus.DISCONNECTED) {
            throw new AccountDisconnected(account.name());
        }
        var connector = connectable(account.channel());
        String refusal;
        try {
            var credentials = accounts.open(account).credentials();
            var connected = connectWithNetwork(connector, credentials, publicBase, account.key(), token(account));
            refusal = connected.externalId().equals(account.externalId())
                    ? null
                    : "The network now answers for " + connected.name() + ", not " + account.name() + ".";
            if (refusal == null) {
                var sealed = cipher.seal(credentials, account.channel(), account.key());
                transactions.executeWithoutResult(status -> store.confirm(id, connected.name(), sealed));
            }
        } catch (ConnectionFailed | CredentialsCipher.Unreadable e) {
            refusal = e.getMessage();
        }
        var reason = refusal;
        return transactions.execute(status -> {
            if (reason != null) {
                store.markFailing(id, reason);
            }
            var tested = find(id);
            audit.record(tested, Action.TESTED, reason, actor);
            return tested;
        });
    }

    /** Stops acting for the account; its conversations and audit stay. */
    StoredAccount disconnect(long id, Colleague actor) {
        find(id);
        var stored = transactions.execute(status -> {
            var account = store.disconnect(id);
            audit.record(account, Action.DISCONNECTED, null, actor);
            return account;
        });
        log.info("{} disconnected {} account {} ({})", actor.name(), stored.channel(), stored.externalId(), id);
        return stored;
    }

    StoredAccount find(long id) {
        return store.find(id).orElseThrow(() -> new AccountNotFound(id));
    }

    private ChannelConnector connectable(String channel) {
        var connector = connectors.find(channel).orElseThrow(() -> new WebhookEndpoint.UnknownChannel(channel));
        if (!ConnectedAccounts.hasAccounts(connector)) {
            throw new Refused(connector.displayName() + " needs no account to be connected.");
        }
        return connector;
    }

    private ConnectedAccount connectWithNetwork(
            ChannelConnector connector, Credentials credentials, String publicBase, String key, String verifyToken) {
        var webhookUrl = WebhookAddress.of(publicBase, connector.channel(), key);
        try {
            return connector.connect(new AccountSetup(credentials, webhookUrl, verifyToken));
        } catch (ConnectionFailed e) {
            log.info("{} refused connecting an account: {}", connector.displayName(), e.getMessage());
            throw e;
        }
    }

    /** Only the connector's own fields are kept; a blank one takes the value from {@code kept}. */
    private static Credentials credentials(ChannelConnector connector, Map<String, String> values, Credentials kept) {
        Map<String, String> chosen = new HashMap<>();
        for (var field : connector.credentialFields()) {
            var value = values.get(field.name());
            chosen.put(
                    field.name(),
                    value != null && !value.isBlank() ? value : field.secret() ? kept.getOrNull(field.name()) : null);
        }
        return Credentials.of(chosen);
    }

    /** The stored secrets, needed only when the admin left one blank to keep it. */
    private Credentials storedOrNone(StoredAccount account, Map<String, String> values, ChannelConnector connector) {
        boolean keepsASecret = connector.credentialFields().stream()
                .anyMatch(field -> field.secret()
                        && (values.get(field.name()) == null
                                || values.get(field.name()).isBlank()));
        if (!keepsASecret) {
            return Credentials.none();
        }
        try {
            return accounts.open(account).credentials();
        } catch (CredentialsCipher.Unreadable e) {
            throw new ConnectionFailed("Heard cannot read this account's stored secrets with its current key;"
                    + " enter every secret again.");
        }
    }

    private String token(StoredAccount account) {
        return account.verifyToken() == null ? "" : account.verifyToken();
    }

    private String randomToken(int bytes) {
        var token = new byte[bytes];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** No account with this id. */
    static final class AccountNotFound extends RuntimeException {
        AccountNotFound(long id) {
            super("Heard has no channel account " + id + ".");
        }
    }

    /** A disconnected account is not tested; connecting it again is what the admin wants. */
    static final class AccountDisconnected extends RuntimeException {
        AccountDisconnected(@Nullable String name) {
            super(name + " is disconnected; connect it again with its credentials instead.");
        }
    }
}
