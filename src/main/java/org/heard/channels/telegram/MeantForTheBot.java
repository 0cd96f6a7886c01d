package org.heard.channels.telegram;

import java.util.Locale;
import org.heard.channels.telegram.TelegramPayloads.Message;
import org.heard.channels.telegram.TelegramPayloads.MessageEntity;
import org.jspecify.annotations.Nullable;

/**
 * Whether a message in a group speaks to the bot: it mentions the bot ({@code mention} entity with its
 * {@code @username}, or a {@code text_mention} of its user), answers one of the bot's messages, or
 * names the bot in a command ({@code /help@bot}). Everything else people say to each other in a group
 * is theirs, and Heard leaves it alone (https://core.telegram.org/bots/api#messageentity).
 *
 * @param botId the bot's user id, the account's external id
 * @param username the bot's username, without the {@code @}
 */
record MeantForTheBot(@Nullable Long botId, @Nullable String username) {

    static MeantForTheBot of(String externalId, String name) {
        Long id;
        try {
            id = Long.parseLong(externalId);
        } catch (NumberFormatException notABotId) {
            id = null;
        }
        var handle = name.strip();
        handle = handle.startsWith("@") ? handle.substring(1) : handle;
        return new MeantForTheBot(id, handle.isBlank() || handle.contains(" ") ? null : handle);
    }

    boolean test(Message message) {
        if (answersTheBot(message)) {
            return true;
        }
        var text = message.text() != null ? message.text() : message.caption();
        if (text == null) {
            return false;
        }
        for (var entity : message.readableEntities()) {
            if (names(entity, text)) {
                return true;
            }
        }
        return false;
    }

    private boolean answersTheBot(Message message) {
        var answered = message.replyToMessage();
        return botId != null
                && answered != null
                && answered.from() != null
                && botId.equals(answered.from().id());
    }

    private boolean names(MessageEntity entity, String text) {
        var type = entity.type();
        if ("text_mention".equals(type)) {
            return botId != null
                    && entity.user() != null
                    && botId.equals(entity.user().id());
        }
        var said = entity.in(text);
        if (said == null || username == null) {
            return false;
        }
        return switch (type == null ? "" : type) {
            case "mention" -> same(said, "@" + username);
            case "bot_command" -> {
                int at = said.indexOf('@');
                yield at > 0 && same(said.substring(at + 1), username);
            }
            default -> false;
        };
    }

    /** Telegram usernames are case-insensitive. */
    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
