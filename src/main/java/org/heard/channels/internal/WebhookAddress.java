package org.heard.channels.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where networks reach this Heard: {@code heard.public-url} ({@code HEARD_PUBLIC_URL}) when set, as it
 * must be behind a proxy or tunnel; otherwise the address the admin's own request came to.
 */
@Component
class WebhookAddress {

    private final String publicUrl;

    WebhookAddress(@Value("${heard.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.strip();
    }

    String base(HttpServletRequest request) {
        var base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : publicUrl;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static String of(String base, String channel, String key) {
        return base + "/hooks/" + channel + "/" + key;
    }
}
