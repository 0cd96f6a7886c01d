/**
 * Where Heard meets the networks. A {@link org.heard.channels.ChannelConnector} per network verifies
 * and reads its webhooks and sends replies; this module records every delivery in the inbound event
 * log before the network is answered, turns each into an {@link org.heard.channels.InboundMessage},
 * and delivers replies from the {@link org.heard.channels.Outbox} exactly once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package org.heard.channels;
