package org.heard.channels.bluesky;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.heard.channels.ChannelAccount;
import org.heard.channels.Credentials;
import org.heard.channels.InboundDelivery;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.bluesky.BlueskyPayloads.Convo;
import org.heard.channels.bluesky.BlueskyPayloads.ConvoAnswer;
import org.heard.channels.bluesky.BlueskyPayloads.DirectMessage;
import org.heard.channels.bluesky.BlueskyPayloads.LogEntry;
import org.heard.channels.bluesky.BlueskyPayloads.MessageInput;
import org.heard.channels.bluesky.BlueskyPayloads.MessageView;
import org.heard.channels.bluesky.BlueskyPayloads.Messages;
import org.heard.channels.bluesky.BlueskyPayloads.SendMessage;
import org.heard.channels.bluesky.Xrpc.Answer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Direct messages, through Bluesky's chat service: every call goes to the account's PDS with the header
 * {@code atproto-proxy: did:web:api.bsky.chat#bsky_chat}, and works only with an app password created
 * with "Allow access to your direct messages" (else the PDS answers "Bad token scope").
 *
 * <p>Receiving follows {@code chat.bsky.convo.getLog}, as Bluesky's own app does: the log lists what
 * happened in all the account's conversations after a rev; each new message from someone else becomes
 * a delivery, with its conversation (from {@code getConvo}) for the sender's handle and name. Sending
 * opens the conversation with the customer ({@code getConvoForMembers}, which also starts one for a
 * private answer to a public post) and calls {@code sendMessage}. The chat service has no idempotency
 * key and no record key: before sending, Heard looks at the conversation's newest messages and does not
 * send again when the newest is the brand's with the same text from the last 15 minutes.
 */
final class BlueskyChat {

    static final String PROXY = "did:web:api.bsky.chat#bsky_chat";
    static final String CREATE_MESSAGE = "chat.bsky.convo.defs#logCreateMessage";
    static final Duration SAME_REPLY_WITHIN = Duration.ofMinutes(15);

    private final Xrpc xrpc;
    private final BlueskySessions sessions;
    private final JsonMapper json;
    private final Clock clock;

    BlueskyChat(Xrpc xrpc, BlueskySessions sessions, JsonMapper json, Clock clock) {
        this.xrpc = xrpc;
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
    }

    /** New direct messages and where the next read starts: the newest rev seen. */
    record Found(List<InboundDelivery> deliveries, @Nullable String cursor) {}

    /** Checks that the app password may read direct messages, so connecting tells the admin at once. */
    void check(Credentials credentials) throws SendFailed {
        var answer = query(credentials, "chat.bsky.convo.listConvos?limit=1");
        if (!answer.ok()) {
            throw failure(answer, "the direct messages check");
        }
    }

    Found read(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        var credentials = account.credentials();
        var answer = query(credentials, "chat.bsky.convo.getLog" + (cursor == null ? "" : "?cursor=" + encode(cursor)));
        if (!answer.ok()) {
            throw failure(answer, "the direct messages poll");
        }
        var log = log(answer.body());
        var newest = cursor;
        var convos = new HashMap<String, Convo>();
        var deliveries = new ArrayList<InboundDelivery>();
        for (var entry : log.logs()) {
            if (entry.rev() != null && (newest == null || entry.rev().compareTo(newest) > 0)) {
                newest = entry.rev();
            }
            var message = entry.message();
            if (!CREATE_MESSAGE.equals(entry.type())
                    || entry.convoId() == null
                    || message == null
                    || message.text() == null
                    || message.sender() == null
                    || account.externalId().equals(message.sender().did())) {
                continue;
            }
            var convo = convos.get(entry.convoId());
            if (convo == null) {
                convo = convo(credentials, entry.convoId());
                convos.put(entry.convoId(), convo);
            }
            deliveries.add(new InboundDelivery(
                    account.externalId(), message.id(), json.writeValueAsString(new DirectMessage(entry, convo))));
        }
        var next =
                log.cursor() != null && (newest == null || log.cursor().compareTo(newest) > 0) ? log.cursor() : newest;
        return new Found(deliveries, next);
    }

    String send(OutboundMessage message, ChannelAccount account, Facets.Handles handles) throws SendFailed {
        var credentials = account.credentials();
        var found = query(credentials, "chat.bsky.convo.getConvoForMembers?members=" + encode(message.recipient()));
        var convo = read(found, ConvoAnswer.class, "opening the conversation").convo();
        var earlier = sentBefore(credentials, convo.id(), account.externalId(), message.text());
        if (earlier != null) {
            return earlier;
        }
        var facets = Facets.of(message.text(), handles);
        var service = sessions.service(credentials);
        var sent = sessions.call(
                credentials,
                token -> xrpc.procedure(
                        service,
                        "chat.bsky.convo.sendMessage",
                        new SendMessage(convo.id(), new MessageInput(message.text(), facets.isEmpty() ? null : facets)),
                        token,
                        PROXY));
        var view = read(sent, MessageView.class, "the direct message");
        if (view.id() == null || view.id().isBlank()) {
            throw SendFailed.later("Bluesky took the direct message but gave no id for it.", null);
        }
        return view.id();
    }

    /** The brand's message of an earlier try, if it is the conversation's newest and recent. */
    private @Nullable String sentBefore(Credentials credentials, String convoId, String brand, String text)
            throws SendFailed {
        var answer = query(credentials, "chat.bsky.convo.getMessages?convoId=" + encode(convoId) + "&limit=10");
        var messages =
                read(answer, Messages.class, "the look-up of an earlier try").messages();
        if (messages == null || messages.isEmpty()) {
            return null;
        }
        var newest = messages.getFirst();
        if (newest.sender() == null || !brand.equals(newest.sender().did()) || !text.equals(newest.text())) {
            return null;
        }
        try {
            var sentAt = OffsetDateTime.parse(newest.sentAt()).toInstant();
            return sentAt.isAfter(clock.instant().minus(SAME_REPLY_WITHIN)) ? newest.id() : null;
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private Convo convo(Credentials credentials, String convoId) throws SendFailed {
        var answer = query(credentials, "chat.bsky.convo.getConvo?convoId=" + encode(convoId));
        return read(answer, ConvoAnswer.class, "the look-up of a conversation").convo();
    }

    private record Log(@Nullable String cursor, List<LogEntry> logs) {}

    private Log log(String body) {
        try {
            var log = json.readValue(body, Log.class);
            if (log == null || log.logs() == null) {
                throw new MalformedWebhook("Bluesky's chat log has no logs list.");
            }
            return log;
        } catch (JacksonException e) {
            throw new MalformedWebhook("Bluesky's answer is not a chat log: " + e.getOriginalMessage());
        }
    }

    private <T> T read(Answer answer, Class<T> type, String doing) throws SendFailed {
        if (!answer.ok()) {
            throw failure(answer, doing);
        }
        return xrpc.read(answer, type, doing);
    }

    /**
     * An app password without access to direct messages is refused with what to do about it; the chat
     * service's other errors as every XRPC error (429 waits until {@code ratelimit-reset}).
     */
    SendFailed failure(Answer answer, String doing) {
        var error = xrpc.failure(answer, doing);
        var reason = error.getMessage() == null ? "" : error.getMessage();
        if ((answer.status() == 400 || answer.status() == 401)
                && (reason.contains("Bad token scope") || reason.contains("Bad token method"))) {
            return SendFailed.refused("Bluesky refused " + doing + ": this app password may not read or send"
                    + " direct messages. Create an app password with \"Allow access to your direct messages\""
                    + " ticked and connect the account again.");
        }
        return error;
    }

    private Answer query(Credentials credentials, String query) throws SendFailed {
        var service = sessions.service(credentials);
        return sessions.call(credentials, token -> xrpc.query(service, query, token, PROXY));
    }

    private static String encode(@Nullable String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
