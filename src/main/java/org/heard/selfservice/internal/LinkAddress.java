package org.heard.selfservice.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where customers open one-time links: {@code heard.public-url} ({@code HEARD_PUBLIC_URL}), as it must be set for
 * real customers; without it, this server on localhost, which is enough for the sandbox demo.
 */
@Component
class LinkAddress {

    private final String publicUrl;
    private volatile int localPort = 8080;

    LinkAddress(@Value("${heard.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        localPort = event.getWebServer().getPort();
    }

    String of(String token) {
        var base = publicUrl.isEmpty() ? "http://localhost:" + localPort : publicUrl;
        return base + "/p/link/" + token;
    }
}
