/**
 * Conversations with customers: contacts and their identities on each network, conversations threaded
 * from public posts and private messages, the messages themselves, assignment, status and internal
 * notes. It threads each {@link org.heard.channels.InboundMessageNormalised} and announces every change
 * as a {@link org.heard.conversations.ConversationChanged}, which the live inbox shows at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations")
package org.heard.conversations;
