package org.heard.channels.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.channels.AccountSetup;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.heard.channels.telegram.TelegramPayloads.Message;
import org.heard.channels.telegram.TelegramPayloads.SetWebhook;
import org.heard.channels.telegram.TelegramPayloads.Update;
import org.heard.channels.telegram.TelegramPayloads.User;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heard's side of a Telegram bot (Bot API, https://core.telegram.org/bots/api): private chats with the
 * bot arrive as private messages, and messages in groups that speak to the bot as public ones.
 */
@Component
class TelegramConnector implements ChannelConnector {

    static final String CHANNEL = "telegram";
    static final String TOKEN = "botToken";
    /**
     * Up to 4096 characters after entity parsing (https://core.telegram.org/bots/api#sendmessage); Heard
     * sends plain text, so nothing is parsed away, and Telegram counts code points (TDLib's
     * {@code utf8_length} against {@code message_text_length_max}). A private answer quotes the customer's
     * message in their chat with the bot ({@code reply_parameters}).
     */
    static final ComposerRules RULES =
            new ComposerRules(4096, true, ComposerRules.Counting.CODE_POINTS).withPrivateThreading();
    /** New messages only: Heard has no use for edits, channel posts, button presses or member changes. */
    static final List<String> ALLOWED_UPDATES = List.of("message");

    private static final Logger log = LoggerFactory.getLogger(TelegramConnector.class);
    private static final Set<String> GROUPS = Set.of("group", "supergroup");

    private final JsonMapper json;
    private final TelegramApi api;
    private final TelegramReplies replies;

    TelegramConnector(JsonMapper json, TelegramApi api) {
        this.json = json;
        this.api = api;
        this.replies = new TelegramReplies(api);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Telegram";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(CredentialField.secret(
                TOKEN,
                "Bot token",
                "In Telegram, send /newbot (or /token for a bot you have) to @BotFather; it answers with the"
                        + " token, such as 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11."));
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var token = setup.credentials().get(TOKEN);
        if (!TelegramApi.looksLikeAToken(token)) {
            throw new ConnectionFailed("That is not a bot token as @BotFather gives it: the bot's number, a colon,"
                    + " then letters, digits, - and _.");
        }
        if (setup.verifyToken() == null || setup.verifyToken().isBlank()) {
            throw new ConnectionFailed("Heard has no webhook secret for this account yet; start connecting it again.");
        }
        var me = connecting(token, "getMe", Map.of(), User.class, "Telegram refused the bot token");
        if (me.id() == null) {
            throw new ConnectionFailed("Telegram answered getMe without the bot's id.");
        }
        var webhook =
                new SetWebhook(setup.webhookUrl(), TelegramSecretToken.from(setup.verifyToken()), ALLOWED_UPDATES);
        connecting(token, "setWebhook", webhook, Boolean.class, "Telegram did not take Heard's webhook address");
        var name = me.username() != null ? "@" + me.username() : me.fullName();
        return new ConnectedAccount(String.valueOf(me.id()), name);
    }

    private <T> T connecting(String token, String method, Object body, Class<T> type, String refusal) {
        TelegramApi.Call<T> call;
        try {
            call = api.call(token, method, body, type);
        } catch (TelegramApi.Unreachable e) {
            throw new ConnectionFailed(e.getMessage() + "; try again in a moment.");
        }
        var result = call.result();
        if (result == null) {
            throw new ConnectionFailed(refusal + ": " + call.reason());
        }
        return result;
    }

    @Override
    public void verify(WebhookRequest request) {
        var account = request.requireAccount();
        if (!TelegramSecretToken.matches(account.verifyToken(), request.header(TelegramSecretToken.HEADER))) {
            throw new WebhookRejected("The " + TelegramSecretToken.HEADER + " header is missing or wrong; connect the"
                    + " bot again on its settings page so Telegram learns the secret.");
        }
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        var account = request.requireAccount();
        var update = update(request.bodyText());
        var message = update.message();
        if (message == null || !heardReads(message, account)) {
            log.debug("Acknowledged Telegram update {} that no one asked Heard to answer", update.updateId());
            return List.of();
        }
        var delivery = new InboundDelivery(account.externalId(), String.valueOf(update.updateId()), request.bodyText());
        normalise(delivery);
        return List.of(delivery);
    }

    /** Every private message; in groups only what speaks to the bot; never channel posts. */
    private static boolean heardReads(Message message, ChannelAccount account) {
        if (message.chat() == null || message.readableText() == null) {
            return false;
        }
        var type = message.chat().type();
        if ("private".equals(type)) {
            return true;
        }
        return GROUPS.contains(type)
                && MeantForTheBot.of(account.externalId(), account.name()).test(message);
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var message = update(delivery.payload()).message();
        if (message == null
                || message.messageId() == null
                || message.chat() == null
                || message.chat().id() == null
                || (message.from() == null && message.senderChat() == null)) {
            throw new MalformedWebhook("Update " + delivery.externalId()
                    + ": a message needs message_id, chat with its id, and from or sender_chat.");
        }
        var chat = message.chat();
        var answered = message.replyToMessage();
        var text = message.readableText();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                new TelegramMessageId(chat.id(), message.messageId()).toString(),
                author(message),
                text == null ? "" : text,
                "private".equals(chat.type()) ? Visibility.PRIVATE : Visibility.PUBLIC,
                answered == null || answered.messageId() == null
                        ? null
                        : new TelegramMessageId(chat.id(), answered.messageId()).toString(),
                message.date() == null ? null : Instant.ofEpochSecond(message.date()));
    }

    /** The person who wrote, or the chat a group message was sent on behalf of; Telegram has no followers. */
    private static Author author(Message message) {
        var from = message.from();
        if (from != null && from.id() != null) {
            return new Author(String.valueOf(from.id()), handle(from.username()), from.fullName(), null, null);
        }
        var chat = message.senderChat();
        if (chat == null || chat.id() == null) {
            throw new MalformedWebhook("A Telegram message needs a sender with an id.");
        }
        return new Author(String.valueOf(chat.id()), handle(chat.username()), chat.title(), null, null);
    }

    private static @Nullable String handle(@Nullable String username) {
        return username == null || username.isBlank() ? null : "@" + username;
    }

    private Update update(String body) {
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (JacksonException e) {
            throw new MalformedWebhook("The body is not a Telegram Update in JSON.", e);
        }
        if (update == null || update.updateId() == null) {
            throw new MalformedWebhook("A Telegram Update needs its update_id.");
        }
        return update;
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        return replies.send(message, account);
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }
}
