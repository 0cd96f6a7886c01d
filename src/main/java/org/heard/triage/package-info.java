/**
 * Triage: reads every customer message (sentiment, complaint, urgency, language), decides how much it
 * matters and why, routes it to a queue and an agent, and keeps the team inside its service levels in
 * business hours. Priority comes from what the customer needs, never from who they are: follower
 * counts and verification are context for agents only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage")
package org.heard.triage;
