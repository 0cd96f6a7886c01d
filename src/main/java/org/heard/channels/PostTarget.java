package org.heard.channels;

/**
 * Where the brand can publish a post of its own, one that answers no one (a tweet, a toot, a sandbox post).
 *
 * @param account the network's id for the account, as conversations name it; the channel's name for a channel
 *     without accounts (the sandbox)
 * @param name how people know the account: "X account @heard_care"
 */
public record PostTarget(String channel, String account, String name) {}
