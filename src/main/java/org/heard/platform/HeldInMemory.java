package org.heard.platform;

/**
 * Settings a node keeps in memory because every message reads them (queues, triage rules, brand terms,
 * the "typically replies within" figure). Each copy refreshes itself after a change made through it and
 * on a timer for changes made on other nodes; {@link #forget()} is for the rare moment the database
 * changes beneath every node at once — a restore from a backup, or a test story's fresh start — after
 * which the next use reads the database again.
 */
public interface HeldInMemory {

    /** Drops the copy, so that its next use reads the database. */
    void forget();
}
