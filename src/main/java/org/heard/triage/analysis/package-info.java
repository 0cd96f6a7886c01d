/**
 * How Heard reads a message: VADER's lexicon and rules tuned for social customer care, the signals
 * that set urgency, the language, and the brand terms supervisors add. Internal to triage.
 */
package org.heard.triage.analysis;
