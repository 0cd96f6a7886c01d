package org.heard.channels.meta;

import static org.heard.channels.meta.MetaWebhooks.ACCESS_TOKEN;
import static org.heard.channels.meta.MetaWebhooks.HUMAN_AGENT_TAG;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.heard.channels.ComposerRules;
import org.heard.channels.ComposerRules.MessagingWindow;
import org.heard.channels.CredentialField;
import org.heard.channels.Credentials;
import org.heard.channels.Moderation;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.meta.MessengerPayloads.Recipient;
import org.heard.channels.meta.MessengerPayloads.Send;

/**
 * Sending through the Messenger Platform, for Facebook Pages and Instagram accounts alike.
 *
 * <p>Meta takes a reply to a private message within 24 hours of the customer's last message ({@code messaging_type
 * RESPONSE}). Between 24 hours and 7 days only a person may answer, with the {@code HUMAN_AGENT} tag, and only once
 * Meta granted the app the Human Agent permission. Heard does not know when the customer last wrote, so it tries
 * {@code RESPONSE} first and, when Meta answers that the window has closed and the account's {@code
 * human_agent_tag} is on, tries once more with the tag. Heard sends only what agents write, so the tag's rule —
 * a person answers — holds.
 *
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/send-messages#messaging_types">Messaging
 *     types</a>
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags">Message tags</a>
 * @see <a href="https://developers.facebook.com/documentation/instagram-platform/private-replies">Private replies</a>
 */
final class MessengerPlatform {

    /** Graph ids of comments are digits, a Page's as {@code <post>_<comment>}; message ids never are. */
    private static final Pattern COMMENT_ID = Pattern.compile("\\d+(_\\d+)?");

    /** Whether Meta approved the app to answer with the Human Agent tag, set by the admin once it has. */
    static final CredentialField HUMAN_AGENT_TAG_FIELD = CredentialField.plain(
            HUMAN_AGENT_TAG,
            "Human Agent tag (true/false)",
            "true once Meta approved your app's Human Agent permission: replies up to 7 days later.");

    private final GraphApi graph;
    private final String network;
    private final Set<Moderation> moderations;
    private final String hiddenField;

    /**
     * @param moderations what the network lets Heard do to a comment
     * @param hiddenField the field that hides a comment: {@code is_hidden} on a Page, {@code hide} on Instagram
     */
    MessengerPlatform(GraphApi graph, String network, Set<Moderation> moderations, String hiddenField) {
        this.graph = graph;
        this.network = network;
        this.moderations = moderations;
        this.hiddenField = hiddenField;
    }

    static boolean isCommentId(String id) {
        return COMMENT_ID.matcher(id).matches();
    }

    static boolean humanAgentTagAllowed(Credentials credentials) {
        return credentials.find(HUMAN_AGENT_TAG).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * The composer's windows: a private message within 24 hours of the customer's last message, 7 days for an
     * account with the Human Agent tag; one private reply to a comment within 7 days of it.
     */
    ComposerRules rules(ComposerRules rules, boolean humanAgentTag) {
        var chat = humanAgentTag
                ? new MessagingWindow(
                        Duration.ofDays(7),
                        network + " allows no reply after 7 days, even with the Human Agent tag, until they write"
                                + " again.",
                        false)
                : new MessagingWindow(
                        Duration.ofHours(24),
                        network + " only allows a reply within 24 hours, or 7 days with Meta's Human Agent tag"
                                + " (switch on human_agent_tag for this account once Meta has approved it).",
                        false);
        return rules.withPrivateWindow(chat)
                .withPrivateReplyWindow(new MessagingWindow(
                        Duration.ofDays(7),
                        network + " takes a private reply to a comment only within 7 days of it.",
                        false));
    }

    /**
     * Likes, unlikes, hides or unhides a comment, as far as the network lets Heard; Meta answers {@code {"success":
     * true}}.
     */
    void moderate(String commentId, Moderation action, Credentials credentials) throws SendFailed {
        if (!moderations.contains(action)) {
            throw new UnsupportedOperationException(network + " does not let Heard " + action + " comments");
        }
        var token = credentials.get(ACCESS_TOKEN);
        var comment = GraphApi.segment(commentId);
        var answer = switch (action) {
            case LIKE -> graph.post(network, comment + "/likes", Map.of(), token);
            case UNLIKE -> graph.delete(network, comment + "/likes", token);
            case HIDE -> graph.post(network, comment, Map.of(hiddenField, true), token);
            case UNHIDE -> graph.post(network, comment, Map.of(hiddenField, false), token);
        };
        if (answer.ok() && answer.body().path("success").asBoolean(false)) {
            return;
        }
        throw graph.failure(
                network, answer, "", "to " + action.name().toLowerCase(java.util.Locale.ROOT) + " the comment");
    }

    /**
     * A private message: a private reply to the comment the agent answers, or a message in the customer's chat.
     *
     * @param messagesPath {@code <PAGE_ID>/messages} or {@code me/messages}
     */
    String sendPrivately(OutboundMessage message, Credentials credentials, String messagesPath) throws SendFailed {
        var token = credentials.get(ACCESS_TOKEN);
        var inReplyTo = message.inReplyTo();
        if (inReplyTo != null && isCommentId(inReplyTo)) {
            // Meta takes one private reply per comment, within 7 days of it; there is no tag to go further.
            var answer = graph.post(
                    network, messagesPath, Send.response(Recipient.commentAuthor(inReplyTo), message.text()), token);
            return sentId(
                    answer,
                    "The comment is more than 7 days old, or was answered privately already; " + network
                            + " takes one private reply per comment within 7 days.");
        }
        var recipient = Recipient.person(message.recipient());
        var answer = graph.post(network, messagesPath, Send.response(recipient, message.text()), token);
        boolean windowClosed =
                !answer.ok() && answer.error() != null && answer.error().outsideMessagingWindow();
        if (windowClosed && humanAgentTagAllowed(credentials)) {
            answer = graph.post(network, messagesPath, Send.humanAgent(recipient, message.text()), token);
            return sentId(
                    answer,
                    "The customer last wrote more than 7 days ago; " + network
                            + " allows no reply now until they write again.");
        }
        return sentId(
                answer,
                "The customer last wrote more than 24 hours ago; " + network
                        + " only allows a reply within 24 hours, or within 7 days with Meta's Human Agent tag"
                        + " (switch on human_agent_tag for this account once Meta has approved it).");
    }

    /** A public reply under a comment. */
    String comment(String path, String text, Credentials credentials) throws SendFailed {
        var answer = graph.post(network, path, new MessengerPayloads.CommentReply(text), credentials.get(ACCESS_TOKEN));
        return sentId(answer, "The comment can no longer be answered.");
    }

    private String sentId(GraphApi.Answer answer, String outsideWindow) throws SendFailed {
        if (answer.ok()) {
            var id = answer.text("message_id");
            id = id != null ? id : answer.text("id");
            if (id != null) {
                return id;
            }
        }
        throw graph.failure(network, answer, outsideWindow);
    }
}
