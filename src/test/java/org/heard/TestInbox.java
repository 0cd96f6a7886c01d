package org.heard;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The shared test application's inbox, as a story about the inbox list needs it. */
public final class TestInbox {

    private TestInbox() {}

    /**
     * Earlier stories in the shared application leave dozens of conversations open, and a new one can fall below the
     * first page of the list; a story about the list starts with the backlog cleared, as a team's morning does.
     */
    public static void resolveEverythingOpen(JdbcClient jdbc) {
        jdbc.sql("update conversations set status = 'RESOLVED', resolved_at = coalesce(resolved_at, now())"
                        + " where status <> 'RESOLVED'")
                .update();
    }
}
