package org.heard.channels;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A webhook call as a network made it: header names are lower case; the body is as received. */
public record WebhookRequest(Map<String, List<String>> headers, Map<String, String> query, byte[] body) {

    public @Nullable String header(String name) {
        var values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
