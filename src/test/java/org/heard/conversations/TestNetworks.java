package org.heard.conversations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two small networks beside the sandbox, for conversations that go on elsewhere: a notice board that
 * does not let the brand message anyone privately first, and a postbox of private messages only. Each
 * takes webhooks carrying its own name in {@code X-Test-Network} and keeps what Heard sends it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestNetworks {

    static final String NOTICEBOARD = "noticeboard";
    static final String POSTBOX = "postbox";

    @Bean
    RecordingNetwork noticeboard() {
        return new RecordingNetwork(NOTICEBOARD, new ComposerRules(280, false));
    }

    @Bean
    RecordingNetwork postbox() {
        return new RecordingNetwork(POSTBOX, new ComposerRules(2000, true));
    }

    /**
     * A webhook body for these networks: one message from a person.
     *
     * @param inReplyTo the id of the message it answers, or null
     */
    static String message(
            String account,
            String id,
            String authorId,
            String name,
            String text,
            boolean isPrivate,
            @Nullable String inReplyTo) {
        var json = JsonMapper.builder().build();
        var event = new java.util.LinkedHashMap<String, Object>();
        event.put("id", id);
        event.put("author", Map.of("id", authorId, "handle", authorId, "name", name));
        event.put("text", text);
        event.put("private", isPrivate);
        event.put("in_reply_to", inReplyTo);
        return json.writeValueAsString(Map.of("account", account, "events", List.of(event)));
    }

    /** A network that keeps what Heard sends it. */
    static final class RecordingNetwork implements ChannelConnector {

        private final String channel;
        private final ComposerRules rules;
        private final JsonMapper json = JsonMapper.builder().build();
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();

        RecordingNetwork(String channel, ComposerRules rules) {
            this.channel = channel;
            this.rules = rules;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public void verify(WebhookRequest request) {
            if (!channel.equals(request.header("x-test-network"))) {
                throw new WebhookRejected("X-Test-Network must name " + channel + ".");
            }
        }

        @Override
        public List<InboundDelivery> read(WebhookRequest request) {
            var body = json.readTree(new String(request.body(), StandardCharsets.UTF_8));
            var deliveries = new ArrayList<InboundDelivery>();
            for (JsonNode event : body.get("events")) {
                deliveries.add(new InboundDelivery(
                        body.get("account").asString(), event.get("id").asString(), json.writeValueAsString(event)));
            }
            return deliveries;
        }

        @Override
        public InboundMessage normalise(InboundDelivery delivery) {
            var event = json.readTree(delivery.payload());
            var author = event.get("author");
            var inReplyTo = event.get("in_reply_to");
            return new InboundMessage(
                    channel,
                    delivery.account(),
                    event.get("id").asString(),
                    new Author(
                            author.get("id").asString(),
                            author.get("handle").asString(),
                            author.get("name").asString(),
                            null,
                            null),
                    event.get("text").asString(),
                    event.get("private").asBoolean() ? Visibility.PRIVATE : Visibility.PUBLIC,
                    inReplyTo == null || inReplyTo.isNull() ? null : inReplyTo.asString(),
                    Instant.now());
        }

        @Override
        public String send(OutboundMessage message, @Nullable ChannelAccount account) {
            sent.add(message);
            return channel + "-" + message.idempotencyKey();
        }

        @Override
        public ComposerRules rules() {
            return rules;
        }
    }
}
