package org.heard.replies.broadcasts;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.heard.platform.Refused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The pace of broadcasts on each network, per brand account: {@code heard.replies.broadcasts.pace.<channel>}. The
 * defaults keep about half of each network's published limit for posting, so agents' own replies still go out
 * while a broadcast runs; see docs/broadcasts.md for the limits behind them.
 */
@Component
class BroadcastPaces {

    static final Map<String, Pace> DEFAULTS = Map.ofEntries(
            // X: 300 posts per 3 hours per user (POST /2/tweets); lower it on a plan with a daily cap.
            Map.entry("x", Pace.parse("150/3h")),
            // Mastodon: 300 statuses per 3 hours per account.
            Map.entry("mastodon", Pace.parse("150/3h")),
            // Bluesky: 5,000 points an hour per account, 3 for each record created.
            Map.entry("bluesky", Pace.parse("800/1h")),
            // Threads: 1,000 replies per 24 hours per profile.
            Map.entry("threads", Pace.parse("400/24h")),
            // Telegram: about 30 messages a second per bot, one a second in each chat.
            Map.entry("telegram", Pace.parse("20/1s")),
            // Meta's Send APIs take far more; Graph API usage is shared with everything else the app does.
            Map.entry("facebook", Pace.parse("10/1s")),
            Map.entry("instagram", Pace.parse("10/1s")),
            // WhatsApp Cloud API: 80 messages a second per business number.
            Map.entry("whatsapp", Pace.parse("20/1s")),
            // SMTP servers set their own limits; one a second is safe with most.
            Map.entry("email", Pace.parse("1/1s")),
            Map.entry("webchat", Pace.parse("20/1s")),
            Map.entry("sandbox", Pace.parse("20/1s")));

    static final Pace OTHERS = Pace.parse("1/1s");

    private final Map<String, Pace> paces;

    @Autowired
    BroadcastPaces(Environment environment) {
        this(Binder.get(environment)
                .bind("heard.replies.broadcasts.pace", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    BroadcastPaces(Map<String, String> configured) {
        var all = new HashMap<>(DEFAULTS);
        configured.forEach((channel, pace) -> {
            try {
                all.put(channel.toLowerCase(Locale.ROOT), Pace.parse(pace));
            } catch (Refused e) {
                throw new IllegalStateException("heard.replies.broadcasts.pace." + channel + ": " + e.getMessage(), e);
            }
        });
        this.paces = Map.copyOf(all);
    }

    /** The pace for one account on this network. */
    Pace of(String channel) {
        return paces.getOrDefault(channel, OTHERS);
    }
}
