package org.heard.channels.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.channels.AccountStatus;
import org.heard.channels.ChannelConnector;
import org.heard.channels.Channels;
import org.heard.channels.ComposerRules;
import org.heard.channels.PostTarget;
import org.springframework.stereotype.Component;

@Component
class ConnectorRegistry implements Channels {

    private static final ComposerRules DISCONNECTED = new ComposerRules(280, false);

    private final Map<String, ChannelConnector> connectors;
    private final AccountStore accounts;
    private final ConnectedAccounts openAccounts;

    ConnectorRegistry(List<ChannelConnector> connectors, AccountStore accounts, ConnectedAccounts openAccounts) {
        this.connectors = connectors.stream().collect(Collectors.toMap(ChannelConnector::channel, Function.identity()));
        this.accounts = accounts;
        this.openAccounts = openAccounts;
    }

    Optional<ChannelConnector> find(String channel) {
        return Optional.ofNullable(connectors.get(channel));
    }

    ChannelConnector get(String channel) {
        return find(channel).orElseThrow(() -> new IllegalStateException("No connector for channel " + channel));
    }

    /**
     * The channels a team works on: those that need no account (the sandbox) and those with an account
     * connected now or before (their conversations stay in the inbox). A network nobody connected is
     * not offered in filters and rules.
     */
    @Override
    public Set<String> names() {
        var names = new TreeSet<String>();
        connectors.values().stream()
                .filter(connector -> !ConnectedAccounts.hasAccounts(connector))
                .map(ChannelConnector::channel)
                .forEach(names::add);
        names.addAll(accounts.channels(false));
        names.retainAll(connectors.keySet());
        return names;
    }

    /** Whether Heard can send on a channel now: it has the connector and, if it needs one, an account in use. */
    @Override
    public boolean connected(String channel) {
        var connector = connectors.get(channel);
        return connector != null
                && (!ConnectedAccounts.hasAccounts(connector)
                        || accounts.channels(true).contains(channel));
    }

    @Override
    public ComposerRules rules(String channel) {
        return find(channel).map(ChannelConnector::rules).orElse(DISCONNECTED);
    }

    /** Every channel Heard has a connector for, whether or not anyone connected an account on it. */
    Set<String> installed() {
        return new TreeSet<>(connectors.keySet());
    }

    @Override
    public ComposerRules rules(String channel, String account) {
        var connector = connectors.get(channel);
        if (connector == null) {
            return DISCONNECTED;
        }
        if (!ConnectedAccounts.hasAccounts(connector)) {
            return connector.rules();
        }
        try {
            return openAccounts
                    .inUseById(channel, account)
                    .map(connector::rules)
                    .orElseGet(connector::rules);
        } catch (CredentialsCipher.Unreadable e) {
            return connector.rules();
        }
    }

    /** Accounts in use on networks that publish posts; a channel without accounts posts under its own name. */
    @Override
    public List<PostTarget> postTargets() {
        var targets = new java.util.ArrayList<PostTarget>();
        for (var connector : new java.util.TreeMap<>(connectors).values()) {
            if (!connector.publishesPosts()) {
                continue;
            }
            if (!ConnectedAccounts.hasAccounts(connector)) {
                targets.add(new PostTarget(connector.channel(), connector.channel(), connector.displayName()));
                continue;
            }
            accounts.all().stream()
                    .filter(a -> a.channel().equals(connector.channel()) && a.status() != AccountStatus.DISCONNECTED)
                    .forEach(a -> targets.add(new PostTarget(
                            a.channel(), a.externalId(), connector.displayName() + " account " + a.name())));
        }
        return targets;
    }

    String[] connectedChannels() {
        return connectors.keySet().toArray(String[]::new);
    }
}
