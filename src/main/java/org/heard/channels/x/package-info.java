/**
 * Heard's X connector. It polls the mentions timeline, recent search for the brand's terms and the
 * Direct Message events, which every paid API plan allows, and reads Account Activity webhooks where an
 * account has them. Replies go out as posts in the customer's thread or as Direct Messages.
 */
package org.heard.channels.x;
