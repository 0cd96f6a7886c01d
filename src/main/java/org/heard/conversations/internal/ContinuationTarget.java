package org.heard.conversations.internal;

/**
 * Where a conversation can go on: a profile of the same customer and the account Heard talks to it
 * from. The conversation's own profile means privately on the same network.
 */
record ContinuationTarget(ChannelIdentity identity, String account) {}
