package org.heard.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A search is answered one of three ways — within the newest conversations, rare words by looking their conversations
 * up by id, common ones by walking all conversations newest first — and all give the same pages. Which way depends on
 * how many conversations there are and how many messages match; here the limits are set to force each way.
 */
@IntegrationTest
@Tag("persistence")
class MessageSearchPathsIntegrationTests {

    @LocalServerPort
    int port;

    /** More conversations than any test database holds: the first, newest-first attempt is skipped. */
    private static final int NEVER = Integer.MAX_VALUE;

    @Autowired
    InboxQueries queries;

    @Test
    void rareAndCommonSearchesGiveTheSamePagesNewestFirst() {
        var tag = "zp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < 4; i++) {
            var body = SandboxPayloads.post(tag + "-" + i, "author-" + tag + "-" + i, "parcel " + tag + " number " + i);
            assertThat(new HeardClient(port).signedSandboxWebhook(body).status())
                    .isEqualTo(200);
        }
        var search = new InboxFilter("all", null, null, null, null, tag);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> ids(search, NEVER, MessageSearch.FEW_MATCHES).size() == 4);

        var byId = ids(search, NEVER, MessageSearch.FEW_MATCHES);
        var walked = ids(search, NEVER, 0);
        var newestFirst = ids(search, 3, 0);

        assertThat(walked).isEqualTo(byId);
        assertThat(newestFirst).isEqualTo(byId);
        assertThat(byId).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(ids(new InboxFilter("all", null, null, null, null, tag + " -number"), 3, 0))
                .isEmpty();
        assertThat(ids(new InboxFilter("all", null, null, null, null, tag + " \"number 2\""), 3, 0))
                .hasSize(1);
    }

    /** Every page of the search, one conversation a page, so the cursor is used each time. */
    private List<Long> ids(InboxFilter filter, int recent, int fewMatches) {
        var ids = new ArrayList<Long>();
        String cursor = null;
        do {
            var page = queries.list(filter, 0L, cursor, 1, recent, fewMatches);
            page.items().forEach(row -> ids.add(row.id()));
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() < 100);
        return ids;
    }
}
