package org.heard.channels.sandbox;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the two sides of the sandbox find each other. By default both live in this Heard: the network
 * delivers webhooks to this server's {@code /hooks/sandbox}, and the connector posts the brand's replies
 * to this server's {@code /api/sandbox/brand/posts}. Either can be pointed elsewhere.
 */
@SandboxEnabled
@Component
class SandboxAddress {

    private final String networkBaseUrl;
    private final String webhookUrl;
    private volatile int localPort = 8080;

    SandboxAddress(
            @Value("${heard.sandbox.base-url:}") String networkBaseUrl,
            @Value("${heard.sandbox.webhook-url:}") String webhookUrl) {
        this.networkBaseUrl = networkBaseUrl;
        this.webhookUrl = webhookUrl;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        localPort = event.getWebServer().getPort();
    }

    URI brandPosts() {
        var base = networkBaseUrl.isBlank() ? "http://127.0.0.1:" + localPort : networkBaseUrl;
        return URI.create(base.replaceAll("/+$", "") + "/api/sandbox/brand/posts");
    }

    URI webhook() {
        return URI.create(webhookUrl.isBlank() ? "http://127.0.0.1:" + localPort + "/hooks/sandbox" : webhookUrl);
    }
}
