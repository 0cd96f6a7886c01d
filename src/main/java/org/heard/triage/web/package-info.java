/** The triage module's JSON API: how Heard reads a message, and the brand terms it reads with. */
package org.heard.triage.web;
