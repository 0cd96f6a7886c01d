package org.heard.platform;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broadcasts of two nodes joined as a broker joins them: what one sends reaches the other as JSON,
 * in order, never back to itself. For tests of what nodes share without starting a broker.
 */
public final class TwoNodes {

    private TwoNodes() {}

    /** Two nodes' broadcasts, joined. */
    public static List<AllNodes> joined() {
        var json = JsonMapper.builder().build();
        var first = new Wire();
        var second = new Wire();
        first.other = second;
        second.other = first;
        return List.of(new AllNodes(json, first), new AllNodes(json, second));
    }

    private static final class Wire implements AllNodes.Relay {

        private AllNodes.Arrivals arrivals;
        private Wire other;

        @Override
        public void connect(AllNodes.Arrivals arrivals) {
            this.arrivals = arrivals;
        }

        @Override
        public void relay(String topic, String key, byte[] body) {
            other.arrivals.arrived(topic, body);
        }
    }
}
