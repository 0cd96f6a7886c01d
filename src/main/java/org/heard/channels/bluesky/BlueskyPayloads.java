package org.heard.channels.bluesky;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of the AT Protocol's lexicons Heard reads and writes, with their field names:
 * <a href="https://docs.bsky.app/docs/api/com-atproto-server-create-session">createSession</a> and
 * refreshSession, <a href="https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications">
 * app.bsky.notification.listNotifications</a>, <a href="https://docs.bsky.app/docs/api/app-bsky-feed-get-posts">
 * app.bsky.feed.getPosts</a>, the <a href="https://docs.bsky.app/docs/advanced-guides/posts">app.bsky.feed.post
 * record</a> with its reply references and rich-text facets, and
 * <a href="https://docs.bsky.app/docs/api/com-atproto-repo-create-record">com.atproto.repo.createRecord</a>.
 * Errors are {@code {"error": "ExpiredToken", "message": "Token has expired"}}.
 *
 * <p>Direct messages use the chat service's lexicons
 * (<a href="https://docs.bsky.app/docs/api/chat-bsky-convo-get-log">chat.bsky.convo.getLog</a>,
 * <a href="https://docs.bsky.app/docs/api/chat-bsky-convo-get-convo">getConvo</a>,
 * <a href="https://docs.bsky.app/docs/api/chat-bsky-convo-get-convo-for-members">getConvoForMembers</a>,
 * <a href="https://docs.bsky.app/docs/api/chat-bsky-convo-get-messages">getMessages</a>,
 * <a href="https://docs.bsky.app/docs/api/chat-bsky-convo-send-message">sendMessage</a>; the types in
 * {@code chat.bsky.convo.defs}).
 */
final class BlueskyPayloads {

    private BlueskyPayloads() {}

    static final String POST = "app.bsky.feed.post";

    record CreateSession(String identifier, String password) {}

    record Session(String did, String handle, String accessJwt, String refreshJwt) {

        @Override
        public String toString() {
            return "Session[" + did + ", tokens hidden]";
        }
    }

    record Notification(
            String uri,
            String cid,
            Profile author,
            String reason,
            @Nullable String reasonSubject,
            @Nullable PostRecord record,
            @Nullable String indexedAt) {}

    record Profile(
            String did,
            String handle,
            @Nullable String displayName,
            @Nullable String avatar) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PostRecord(
            @JsonProperty("$type") @Nullable String type,
            @Nullable String text,
            @Nullable String createdAt,
            @Nullable Reply reply,
            @Nullable List<Facet> facets) {}

    record Reply(StrongRef root, StrongRef parent) {}

    /** {@code com.atproto.repo.strongRef}: a record and the exact version of it. */
    record StrongRef(String uri, String cid) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Facet(ByteSlice index, List<Feature> features) {}

    /** Offsets in UTF-8 bytes of the text, end exclusive. */
    record ByteSlice(int byteStart, int byteEnd) {}

    /** A mention ({@code did}) or a link ({@code uri}), told apart by {@code $type}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Feature(
            @JsonProperty("$type") String type,
            @Nullable String did,
            @Nullable String uri) {

        static Feature mention(String did) {
            return new Feature("app.bsky.richtext.facet#mention", did, null);
        }

        static Feature link(String uri) {
            return new Feature("app.bsky.richtext.facet#link", null, uri);
        }
    }

    record Posts(List<PostView> posts) {}

    record PostView(String uri, String cid, @Nullable PostRecord record) {}

    record Resolved(String did) {}

    record CreateRecord(String repo, String collection, String rkey, PostRecord record) {}

    record Created(String uri, @Nullable String cid) {}

    record Error(@Nullable String error, @Nullable String message) {}

    /** {@code chat.bsky.convo.defs#convoView}: a conversation and its members' profiles. */
    record Convo(String id, @Nullable String rev, @Nullable List<Profile> members) {}

    /** {@code {"convo": convoView}}, the answer of getConvo and getConvoForMembers. */
    record ConvoAnswer(Convo convo) {}

    /** {@code chat.bsky.convo.defs#messageView}; a {@code deletedMessageView} has no text. */
    record MessageView(
            @JsonProperty("$type") @Nullable String type,
            String id,
            @Nullable String rev,
            @Nullable String text,
            @Nullable Sender sender,
            @Nullable String sentAt) {}

    /** {@code chat.bsky.convo.defs#messageViewSender}. */
    record Sender(String did) {}

    /** {@code chat.bsky.convo.defs#logCreateMessage} (and the other log entries, told apart by {@code $type}). */
    record LogEntry(
            @JsonProperty("$type") @Nullable String type,
            @Nullable String rev,
            @Nullable String convoId,
            @Nullable MessageView message) {}

    record Messages(@Nullable String cursor, List<MessageView> messages) {}

    /** {@code chat.bsky.convo.defs#messageInput}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageInput(String text, @Nullable List<Facet> facets) {}

    record SendMessage(String convoId, MessageInput message) {}

    /**
     * What Heard records for one direct message: the log entry as the chat service sent it and the
     * conversation it belongs to (for the sender's handle and name, which the log does not carry).
     */
    record DirectMessage(LogEntry log, Convo convo) {}
}
