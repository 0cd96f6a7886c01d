package org.heard.channels.bluesky;

import static org.heard.channels.bluesky.BlueskyPayloads.POST;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.heard.channels.ChannelAccount;
import org.heard.channels.Credentials;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.bluesky.BlueskyPayloads.CreateRecord;
import org.heard.channels.bluesky.BlueskyPayloads.Created;
import org.heard.channels.bluesky.BlueskyPayloads.PostRecord;
import org.heard.channels.bluesky.BlueskyPayloads.Posts;
import org.heard.channels.bluesky.BlueskyPayloads.Reply;
import org.heard.channels.bluesky.BlueskyPayloads.Resolved;
import org.heard.channels.bluesky.BlueskyPayloads.StrongRef;
import org.jspecify.annotations.Nullable;

/**
 * Posts a reply in its thread. A reply names its parent and its thread's root by URI and CID
 * (<a href="https://docs.bsky.app/docs/advanced-guides/posts#replies">docs</a>); Heard knows a message by
 * its at:// URI only, so it asks Bluesky for the parent ({@code app.bsky.feed.getPosts}) when it sends:
 * the parent's CID, and its record's {@code reply.root} if the parent is itself a reply (else the
 * parent is the root). This costs one call per reply and needs nothing stored beside the message.
 *
 * <p>Bluesky has no idempotency key; Heard derives the record key from it ({@link RecordKey}), asks
 * {@code com.atproto.repo.getRecord} whether that record exists, and creates it only if not.
 */
final class BlueskyReplies {

    private final Xrpc xrpc;
    private final BlueskySessions sessions;
    private final Clock clock;

    BlueskyReplies(Xrpc xrpc, BlueskySessions sessions, Clock clock) {
        this.xrpc = xrpc;
        this.sessions = sessions;
        this.clock = clock;
    }

    Xrpc xrpc() {
        return xrpc;
    }

    String post(OutboundMessage message, ChannelAccount account) throws SendFailed {
        var credentials = account.credentials();
        var repo = sessions.session(credentials).did();
        var rkey = RecordKey.of(message.idempotencyKey());
        var existing = call(
                credentials,
                "com.atproto.repo.getRecord?repo=" + encode(repo) + "&collection=" + POST + "&rkey=" + rkey);
        if (existing.ok()) {
            return xrpc.read(existing, Created.class, "the look-up of an earlier try")
                    .uri();
        }
        if (!"RecordNotFound".equals(xrpc.error(existing))) {
            throw xrpc.failure(existing, "the look-up of an earlier try");
        }
        var reply = message.inReplyTo() == null ? null : replyTo(credentials, message.inReplyTo());
        var facets = Facets.of(message.text(), handle -> did(credentials, handle));
        var record = new PostRecord(
                POST,
                message.text(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
                reply,
                facets.isEmpty() ? null : facets);
        var service = sessions.service(credentials);
        var created = sessions.call(
                credentials,
                token -> xrpc.procedure(
                        service, "com.atproto.repo.createRecord", new CreateRecord(repo, POST, rkey, record), token));
        var uri = xrpc.read(created, Created.class, "the reply").uri();
        if (uri == null || uri.isBlank()) {
            throw SendFailed.later("Bluesky took the reply but gave no URI for it.", null);
        }
        return uri;
    }

    /** The strong references of the parent and its thread's root. */
    Reply replyTo(Credentials credentials, String parentUri) throws SendFailed {
        var found = xrpc.read(
                call(credentials, "app.bsky.feed.getPosts?uris=" + encode(parentUri)),
                Posts.class,
                "the look-up of the post answered");
        if (found.posts() == null || found.posts().isEmpty()) {
            throw SendFailed.refused("The post answered is no longer on Bluesky: " + parentUri);
        }
        var parent = found.posts().getFirst();
        var parentRef = new StrongRef(parent.uri(), parent.cid());
        var root = parent.record() != null && parent.record().reply() != null
                ? parent.record().reply().root()
                : parentRef;
        return new Reply(root, parentRef);
    }

    /** The DID of a handle, or null when it does not resolve. */
    @Nullable
    String did(Credentials credentials, String handle) throws SendFailed {
        var answer = call(credentials, "com.atproto.identity.resolveHandle?handle=" + encode(handle));
        if (answer.status() == 400 || answer.status() == 404) {
            return null;
        }
        return xrpc.read(answer, Resolved.class, "the look-up of @" + handle).did();
    }

    private Xrpc.Answer call(Credentials credentials, String query) throws SendFailed {
        var service = sessions.service(credentials);
        return sessions.call(credentials, token -> xrpc.query(service, query, token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
