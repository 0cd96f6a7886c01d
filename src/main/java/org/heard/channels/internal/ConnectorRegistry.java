package org.heard.channels.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.channels.ChannelConnector;
import org.heard.channels.Channels;
import org.heard.channels.ComposerRules;
import org.springframework.stereotype.Component;

@Component
class ConnectorRegistry implements Channels {

    private static final ComposerRules DISCONNECTED = new ComposerRules(280, false);

    private final Map<String, ChannelConnector> connectors;

    ConnectorRegistry(List<ChannelConnector> connectors) {
        this.connectors = connectors.stream().collect(Collectors.toMap(ChannelConnector::channel, Function.identity()));
    }

    Optional<ChannelConnector> find(String channel) {
        return Optional.ofNullable(connectors.get(channel));
    }

    ChannelConnector get(String channel) {
        return find(channel).orElseThrow(() -> new IllegalStateException("No connector for channel " + channel));
    }

    @Override
    public Set<String> names() {
        return connectors.keySet();
    }

    @Override
    public boolean connected(String channel) {
        return connectors.containsKey(channel);
    }

    @Override
    public ComposerRules rules(String channel) {
        return find(channel).map(ChannelConnector::rules).orElse(DISCONNECTED);
    }

    String[] connectedChannels() {
        return connectors.keySet().toArray(String[]::new);
    }
}
