package org.heard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.channels.testnet.TestnetAccounts;
import org.heard.channels.testnet.TestnetAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Heard polls a network that sends no webhooks, for each connected account, within its limits. */
@IntegrationTest
class AccountPollingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WireMockServer testnetApi;

    TestnetAccounts testnet;

    @BeforeEach
    void signIn() {
        testnet = new TestnetAccounts(new HeardClient(port).asAdmin(), testnetApi);
    }

    @Test
    void whatAPollFindsIsRecordedWithTheCursorAndTheNextPollStartsThere() {
        var account = Account.fresh();
        var first = "p-" + UUID.randomUUID();
        var second = "p-" + UUID.randomUUID();
        var third = "p-" + UUID.randomUUID();
        updates(account, "", "{\"events\":[" + event(first) + "," + event(second) + "],\"cursor\":\"c-1\",\"next\":0}");
        updates(account, "?cursor=c-1", "{\"events\":[" + event(third) + "],\"cursor\":\"c-2\",\"next\":3600}");

        testnet.connect(account);

        await().atMost(Duration.ofSeconds(15)).until(() -> "c-2".equals(cursor(account)));
        assertThat(recorded(account)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(15)).until(() -> messages(first, second, third) == 3);
        assertThat(nextPoll(account)).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        testnetApi.verify(1, getRequestedFor(urlEqualTo("/accounts/" + account.externalId() + "/updates?cursor=c-1")));
    }

    @Test
    void aNetworkThatLimitsHeardIsPolledAgainNoSoonerThanItAsks() {
        var account = Account.fresh();
        testnetApi.stubFor(get(urlEqualTo("/accounts/" + account.externalId() + "/updates"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "900")));

        testnet.connect(account);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> nextPoll(account).isAfter(Instant.now().plus(Duration.ofMinutes(14))));
        assertThat(status(account)).isEqualTo("CONNECTED");
    }

    @Test
    void credentialsTheNetworkRefusesWhilePollingMarkTheAccountFailing() {
        var account = Account.fresh();
        testnetApi.stubFor(get(urlEqualTo("/accounts/" + account.externalId() + "/updates"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Token revoked\"}")));

        testnet.connect(account);

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILING".equals(status(account)));
        assertThat(jdbc.sql("select status_detail from channel_accounts where external_id = ?")
                        .param(account.externalId())
                        .query(String.class)
                        .single())
                .isEqualTo("Testnet says: Token revoked");
    }

    @Test
    void aPollThatBreaksWaitsAndTheWorkerGoesOnPollingOtherAccounts() {
        var broken = Account.fresh();
        var healthy = Account.fresh();
        var event = "p-" + UUID.randomUUID();
        testnetApi.stubFor(get(urlEqualTo("/accounts/" + broken.externalId() + "/updates"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        updates(healthy, "", "{\"events\":[" + event(event) + "],\"cursor\":\"h-1\",\"next\":3600}");

        testnet.connect(broken);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> nextPoll(broken).isAfter(Instant.now().plus(Duration.ofSeconds(30))));
        testnet.connect(healthy);

        await().atMost(Duration.ofSeconds(15)).until(() -> "h-1".equals(cursor(healthy)));
        assertThat(recorded(healthy)).isEqualTo(1);
        assertThat(status(broken)).isEqualTo("CONNECTED");
    }

    private void updates(Account account, String query, String body) {
        testnetApi.stubFor(get(urlEqualTo("/accounts/" + account.externalId() + "/updates" + query))
                .atPriority(1)
                .willReturn(okJson(body)));
    }

    private static String event(String id) {
        return "{\"id\":\"" + id + "\",\"text\":\"where is my order\",\"author\":{\"id\":\"a-" + id
                + "\",\"name\":\"Pat\"}}";
    }

    private String cursor(Account account) {
        return jdbc.sql("select poll_cursor from channel_accounts where external_id = ?")
                .param(account.externalId())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String status(Account account) {
        return jdbc.sql("select status from channel_accounts where external_id = ?")
                .param(account.externalId())
                .query(String.class)
                .single();
    }

    private Instant nextPoll(Account account) {
        return jdbc.sql("select next_poll_at from channel_accounts where external_id = ?")
                .param(account.externalId())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private long recorded(Account account) {
        return jdbc.sql("select count(*) from inbound_events where channel = 'testnet' and account = ?")
                .param(account.externalId())
                .query(Long.class)
                .single();
    }

    private long messages(String... events) {
        return jdbc.sql("select count(*) from messages where channel = 'testnet' and external_id = any(?)")
                .param(events)
                .query(Long.class)
                .single();
    }
}
