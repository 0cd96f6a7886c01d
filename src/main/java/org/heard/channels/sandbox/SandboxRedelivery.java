package org.heard.channels.sandbox;

import org.heard.platform.OnlyOneNode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Like a real network, the sandbox retries webhooks Heard did not acknowledge; one node at a time, so
 * several nodes sharing the sandbox's tables do not each deliver the same post again.
 */
@SandboxEnabled
@Component
class SandboxRedelivery {

    private final SandboxNetwork network;
    private final SandboxWebhooks webhooks;
    private final OnlyOneNode onlyOneNode;

    SandboxRedelivery(SandboxNetwork network, SandboxWebhooks webhooks, OnlyOneNode onlyOneNode) {
        this.network = network;
        this.webhooks = webhooks;
        this.onlyOneNode = onlyOneNode;
    }

    @Scheduled(fixedDelayString = "${heard.sandbox.redelivery-interval:3s}")
    void redeliver() {
        onlyOneNode.run("sandbox-redelivery", this::redeliverNow);
    }

    private void redeliverNow() {
        for (var post : network.undelivered(100)) {
            if (!webhooks.deliverNow(post)) {
                return;
            }
        }
    }
}
