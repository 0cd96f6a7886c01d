package org.heard.channels.sandbox;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Like a real network, the sandbox retries webhooks Heard did not acknowledge. */
@SandboxEnabled
@Component
class SandboxRedelivery {

    private final SandboxNetwork network;
    private final SandboxWebhooks webhooks;

    SandboxRedelivery(SandboxNetwork network, SandboxWebhooks webhooks) {
        this.network = network;
        this.webhooks = webhooks;
    }

    @Scheduled(fixedDelayString = "${heard.sandbox.redelivery-interval:3s}")
    void redeliver() {
        for (var post : network.undelivered(100)) {
            if (!webhooks.deliverNow(post)) {
                return;
            }
        }
    }
}
