package org.heard;

import java.time.Instant;

/** Sandbox webhooks shaped as docs/channels/sandbox.md documents them. */
public final class SandboxPayloads {

    private SandboxPayloads() {}

    public static String post(
            String postId, String authorId, String handle, String text, String inReplyTo, boolean isPrivate) {
        return """
                {"account":"heardbrand","events":[{"id":"post-%s","type":"%s","post":{
                  "id":"%s","text":%s,"created_at":"%s","in_reply_to":%s,"private":%s,
                  "author":{"id":"%s","handle":"%s","name":"%s","followers":42,"avatar_url":null}}}]}
                """.formatted(
                        postId,
                        isPrivate ? "message" : "post",
                        postId,
                        quote(text),
                        Instant.now(),
                        inReplyTo == null ? "null" : quote(inReplyTo),
                        isPrivate,
                        authorId,
                        handle,
                        handle);
    }

    public static String post(String postId, String authorId, String text) {
        return post(postId, authorId, "person" + authorId, text, null, false);
    }

    private static String quote(String text) {
        var escaped = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.append('"').toString();
    }
}
