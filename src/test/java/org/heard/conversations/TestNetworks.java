package org.heard.conversations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.heard.StoryScoped;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MessageTemplate;
import org.heard.channels.Moderation;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
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
public class TestNetworks {

    static final String NOTICEBOARD = "noticeboard";
    static final String POSTBOX = "postbox";
    /**
     * Private chats within 24 hours of the customer's last message, then approved templates; public comments. A
     * private message answers the customer's message it replies to, as WhatsApp's and Telegram's do.
     */
    static final String CHATLINE = "chatline";

    @Bean
    RecordingNetwork noticeboard() {
        return new RecordingNetwork(NOTICEBOARD, new ComposerRules(280, false));
    }

    @Bean
    RecordingNetwork postbox() {
        return new RecordingNetwork(POSTBOX, new ComposerRules(2000, true));
    }

    @Bean
    RecordingNetwork chatline() {
        var rules = new ComposerRules(1000, true)
                .withPrivateWindow(new ComposerRules.MessagingWindow(
                        Duration.ofHours(24), "Chatline only allows an approved template now.", true))
                .withPrivateThreading();
        return new RecordingNetwork(
                CHATLINE,
                rules,
                List.of(
                        new MessageTemplate("order_update", "en_US", "Hi {{1}}, your order {{2}} has an update."),
                        new MessageTemplate("still_on_it", "en_US", "We are still on it.")),
                EnumSet.allOf(Moderation.class));
    }

    /** As {@link #message}, written at a given time (for a messaging window that has closed). */
    static String messageAt(
            String account, String id, String authorId, String name, String text, boolean isPrivate, Instant at) {
        var json = JsonMapper.builder().build();
        var body = (java.util.Map<String, Object>)
                json.readValue(message(account, id, authorId, name, text, isPrivate, null), java.util.Map.class);
        var events = (List<java.util.Map<String, Object>>) body.get("events");
        events.getFirst().put("sent_at", at.toString());
        return json.writeValueAsString(body);
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
    static final class RecordingNetwork implements ChannelConnector, StoryScoped {

        private final String channel;
        private final ComposerRules rules;
        private final JsonMapper json = JsonMapper.builder().build();
        private final List<MessageTemplate> templates;
        private final Set<Moderation> moderations;
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        /** What Heard asked: "HIDE comment-id". */
        final List<String> moderated = new CopyOnWriteArrayList<>();

        @Override
        public void forgetTheLastStory() {
            sent.clear();
            moderated.clear();
        }

        RecordingNetwork(String channel, ComposerRules rules) {
            this(channel, rules, List.of(), Set.of());
        }

        RecordingNetwork(
                String channel, ComposerRules rules, List<MessageTemplate> templates, Set<Moderation> moderations) {
            this.channel = channel;
            this.rules = rules;
            this.templates = templates;
            this.moderations = moderations;
        }

        @Override
        public List<MessageTemplate> templates(ChannelAccount account) {
            return templates;
        }

        @Override
        public Set<Moderation> moderations() {
            return moderations;
        }

        @Override
        public void moderate(ChannelAccount account, String externalId, Moderation action) throws SendFailed {
            moderated.add(action + " " + externalId);
            if (externalId.startsWith("refuse-")) {
                throw SendFailed.refused("Chatline refused: this comment cannot be hidden (code 100)");
            }
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
                    event.hasNonNull("sent_at")
                            ? Instant.parse(event.get("sent_at").asString())
                            : Instant.now());
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
