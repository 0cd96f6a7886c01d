/**
 * Replies as the brand's public voice: saved replies with variables, a preview as the customer will see it,
 * the guard against personal data in public, approval rules, scheduled replies and posts, and broadcasts to
 * many conversations at a pace each network allows. It checks every agent's reply through
 * {@link org.heard.conversations.ReplyCheck} and releases held ones through
 * {@link org.heard.conversations.HeldReplies}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Replies")
package org.heard.replies;
