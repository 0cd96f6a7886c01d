package org.heard.channels.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Heard's id for a Telegram message. Telegram numbers messages per chat
 * (https://core.telegram.org/bots/api#message, {@code message_id}: "unique message identifier inside
 * this chat"), so the id Heard keeps is {@code <chat_id>:<message_id>}, and a reply splits it back to
 * know the chat to post in and the message to answer.
 */
record TelegramMessageId(long chatId, long messageId) {

    private static final Pattern SHAPE = Pattern.compile("(-?\\d{1,19}):(\\d{1,19})");

    static Optional<TelegramMessageId> parse(String id) {
        var match = SHAPE.matcher(id);
        if (!match.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TelegramMessageId(Long.parseLong(match.group(1)), Long.parseLong(match.group(2))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return chatId + ":" + messageId;
    }
}
