package org.heard.channels.bluesky;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.SendFailed;
import org.heard.channels.bluesky.BlueskyPayloads.CreateSession;
import org.heard.channels.bluesky.BlueskyPayloads.Session;
import org.heard.channels.bluesky.Xrpc.Answer;

/**
 * Signed-in sessions, kept in memory per account: Bluesky allows only 30 sign-ins per account in 5
 * minutes (300 a day), so Heard signs in once with the app password and then lives on the session's
 * tokens. An access token lasts minutes; when Bluesky answers {@code ExpiredToken}, Heard refreshes the
 * session with its refresh token (<a href="https://docs.bsky.app/docs/api/com-atproto-server-refresh-session">
 * refreshSession</a>) and, if that has expired too, signs in again. Nothing is written to disk: after a
 * restart Heard signs in again.
 */
final class BlueskySessions {

    static final String HANDLE = "handle";
    static final String APP_PASSWORD = "appPassword";
    static final String SERVICE_URL = "serviceUrl";

    /** A call made with a session's access token. */
    @FunctionalInterface
    interface Call {
        Answer with(String accessJwt) throws SendFailed;
    }

    private final Xrpc xrpc;
    private final String defaultService;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    BlueskySessions(Xrpc xrpc, String defaultService) {
        this.xrpc = xrpc;
        this.defaultService = defaultService;
    }

    URI service(Credentials credentials) {
        var address = credentials.find(SERVICE_URL).orElse(defaultService).replaceAll("/+$", "");
        try {
            var uri = URI.create(address);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(scheme);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectionFailed("The Bluesky service address must look like https://bsky.social.");
        }
    }

    /** The account's session, signing in if Heard has none. */
    Session session(Credentials credentials) throws SendFailed {
        var key = key(credentials);
        var session = sessions.get(key);
        return session != null ? session : signIn(credentials, key);
    }

    /** Makes the call, refreshing the session once if Bluesky says its token expired. */
    Answer call(Credentials credentials, Call call) throws SendFailed {
        var session = session(credentials);
        var answer = call.with(session.accessJwt());
        if (!expired(answer)) {
            return answer;
        }
        return call.with(refresh(credentials, session).accessJwt());
    }

    private Session refresh(Credentials credentials, Session stale) throws SendFailed {
        var key = key(credentials);
        var answer =
                xrpc.procedure(service(credentials), "com.atproto.server.refreshSession", null, stale.refreshJwt());
        if (answer.ok()) {
            var fresh = xrpc.read(answer, Session.class, "the session refresh");
            sessions.put(key, fresh);
            return fresh;
        }
        if (answer.status() == 400 || answer.status() == 401) {
            sessions.remove(key);
            return signIn(credentials, key);
        }
        throw xrpc.failure(answer, "the session refresh");
    }

    private Session signIn(Credentials credentials, String key) throws SendFailed {
        var answer = xrpc.procedure(
                service(credentials),
                "com.atproto.server.createSession",
                new CreateSession(credentials.get(HANDLE), credentials.get(APP_PASSWORD)),
                null);
        var session = xrpc.read(answer, Session.class, "the sign-in");
        sessions.put(key, session);
        return session;
    }

    private boolean expired(Answer answer) {
        return (answer.status() == 400 || answer.status() == 401) && "ExpiredToken".equals(xrpc.error(answer));
    }

    /** One session per service, handle and password: a new app password signs in anew. */
    private String key(Credentials credentials) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(credentials.get(APP_PASSWORD).getBytes(StandardCharsets.UTF_8));
            return service(credentials) + "\n" + credentials.get(HANDLE).toLowerCase(Locale.ROOT) + "\n"
                    + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
