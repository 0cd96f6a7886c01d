package org.heard.channels.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code error} object of a failed Graph API call.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Graph API: handling errors</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/">WhatsApp
 *     error codes</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/error-codes">Messenger
 *     error codes</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphError(
        @Nullable String message,
        @Nullable String type,
        @Nullable Integer code,
        @JsonProperty("error_subcode") @Nullable Integer subcode,
        @JsonProperty("error_user_msg") @Nullable String userMessage,
        @JsonProperty("is_transient") @Nullable Boolean isTransient,
        @JsonProperty("error_data") @Nullable JsonNode data,
        @JsonProperty("fbtrace_id") @Nullable String traceId) {

    /**
     * Throttling: 4 app, 17 user, 32 Page, 613 custom limit, 80001–80014 business use case limits (80006 Messenger,
     * 80002 Instagram, 80007 WhatsApp Business Account), 130429 WhatsApp throughput, 131048 spam rate limit, 131056
     * WhatsApp pair rate limit.
     */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 130429, 131048, 131056);

    /** Meta's "temporary problem, try again": 1 unknown, 2 service, 131000 and 131016 on WhatsApp. */
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016);

    /** Messenger's "sent outside of allowed window" (code 10) and its Instagram twin. */
    private static final Set<Integer> WINDOW_SUBCODES = Set.of(2018278, 2534022);

    /** WhatsApp: more than 24 hours since the customer last wrote; only a template may be sent. */
    static final int WHATSAPP_REENGAGEMENT = 131047;

    public boolean rateLimited() {
        return code != null && (RATE_LIMITS.contains(code) || (code >= 80001 && code <= 80014));
    }

    public boolean transientFailure() {
        return Boolean.TRUE.equals(isTransient) || (code != null && TRANSIENT.contains(code));
    }

    boolean outsideMessagingWindow() {
        return code != null
                && (code == WHATSAPP_REENGAGEMENT
                        || (code == 10 && subcode != null && WINDOW_SUBCODES.contains(subcode)));
    }

    /** Meta's own words, with WhatsApp's more specific {@code error_data.details} when it sends one. */
    public String reason() {
        var text = message == null || message.isBlank() ? "no reason given" : message.strip();
        var details = data == null ? null : data.path("details");
        if (details != null && details.isString() && !details.stringValue().isBlank()) {
            text = text + " — " + details.stringValue().strip();
        }
        return text + (code == null ? "" : " (code " + code + (subcode == null ? "" : "/" + subcode) + ")");
    }
}
