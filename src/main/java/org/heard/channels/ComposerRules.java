package org.heard.channels;

/**
 * What a network allows in a reply.
 *
 * @param maxLength the longest text, counted the network's way
 * @param privateReplyToPublicPost whether an agent may answer a public post with a private message
 */
public record ComposerRules(int maxLength, boolean privateReplyToPublicPost) {

    /** Counts a text the way the network does. Most count Unicode code points. */
    public int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
