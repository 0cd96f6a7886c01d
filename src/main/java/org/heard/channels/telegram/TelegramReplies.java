package org.heard.channels.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.heard.channels.ChannelAccount;
import org.heard.channels.OutboundMessage;
import org.heard.channels.RetryAfter;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.telegram.TelegramPayloads.Message;
import org.heard.channels.telegram.TelegramPayloads.ReplyParameters;
import org.heard.channels.telegram.TelegramPayloads.SendMessage;
import org.jspecify.annotations.Nullable;

/**
 * Sends a reply with {@code sendMessage} (https://core.telegram.org/bots/api#sendmessage): a public
 * reply goes to the group the customer wrote in, threaded under their message; a private one to the
 * customer's private chat with the bot, whose id is their user id.
 *
 * <p>The Bot API takes no idempotency key. If Heard crashes after Telegram took a reply and before Heard
 * recorded it, the reply is sent again and the customer sees it twice (see docs/channels/telegram.md).
 */
final class TelegramReplies {

    private final TelegramApi api;

    TelegramReplies(TelegramApi api) {
        this.api = api;
    }

    String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("A Telegram reply needs the bot account it is sent from.");
        }
        var token = account.credentials().getOrNull(TelegramConnector.TOKEN);
        if (token == null || !TelegramApi.looksLikeAToken(token)) {
            throw SendFailed.refused(
                    "The Telegram bot has no valid token; enter it again on the channel's settings page.");
        }
        TelegramApi.Call<Message> call;
        try {
            call = api.call(token, "sendMessage", request(message), Message.class);
        } catch (TelegramApi.Unreachable e) {
            throw SendFailed.later(e.getMessage(), null);
        }
        var sent = call.result();
        if (sent != null
                && sent.messageId() != null
                && sent.chat() != null
                && sent.chat().id() != null) {
            return new TelegramMessageId(sent.chat().id(), sent.messageId()).toString();
        }
        var reason = "Telegram answered " + call.reason();
        int status = call.status();
        if (status / 100 == 2) {
            throw SendFailed.later("Telegram answered without the message it sent", null);
        }
        if (status == 429 || status == 408 || status >= 500) {
            throw SendFailed.later(reason, wait(call));
        }
        // 400 (chat not found, message is too long), 403 (bot was blocked by the user), 401 (token revoked).
        throw SendFailed.refused(reason);
    }

    /** {@code parameters.retry_after} from Telegram's answer, else a proxy's {@code Retry-After}. */
    private static @Nullable Duration wait(TelegramApi.Call<Message> call) {
        var answer = call.answer();
        if (answer != null && answer.parameters() != null && answer.parameters().retryAfter() != null) {
            return RetryAfter.parse(String.valueOf(answer.parameters().retryAfter()), Instant.now());
        }
        return RetryAfter.parse(call.retryAfter(), Instant.now());
    }

    private static SendMessage request(OutboundMessage message) throws SendFailed {
        var answered = answered(message.inReplyTo());
        if (message.visibility() == Visibility.PRIVATE) {
            long chat = userId(message.recipient());
            // A private answer to a group message cannot be threaded: that message is in another chat.
            var inThisChat = answered.filter(id -> id.chatId() == chat);
            return new SendMessage(
                    chat,
                    message.text(),
                    inThisChat.map(TelegramReplies::threaded).orElse(null));
        }
        var inGroup = answered.orElseThrow(
                () -> SendFailed.refused(
                        "A public Telegram reply goes to the group the customer wrote in, so it needs the message it answers."));
        return new SendMessage(inGroup.chatId(), message.text(), threaded(inGroup));
    }

    private static ReplyParameters threaded(TelegramMessageId answered) {
        return new ReplyParameters(answered.messageId(), true);
    }

    private static Optional<TelegramMessageId> answered(@Nullable String inReplyTo) throws SendFailed {
        if (inReplyTo == null) {
            return Optional.empty();
        }
        var id = TelegramMessageId.parse(inReplyTo);
        if (id.isEmpty()) {
            throw SendFailed.refused("'" + inReplyTo + "' is not a Telegram message id (<chat_id>:<message_id>).");
        }
        return id;
    }

    private static long userId(@Nullable String recipient) throws SendFailed {
        try {
            return Long.parseLong(recipient == null ? "" : recipient.strip());
        } catch (NumberFormatException e) {
            throw SendFailed.refused("'" + recipient + "' is not a Telegram user id.");
        }
    }
}
