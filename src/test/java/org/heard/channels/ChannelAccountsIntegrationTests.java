package org.heard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.channels.testnet.TestnetAccounts;
import org.heard.channels.testnet.TestnetAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin connects accounts on a network (Testnet, served by WireMock), the network's webhooks reach
 * the account their URL names, and replies leave with the account's credentials.
 */
@IntegrationTest
@Tag("persistence")
@ExtendWith(OutputCaptureExtension.class)
class ChannelAccountsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WireMockServer testnetApi;

    HeardClient admin;
    TestnetAccounts testnet;

    @BeforeEach
    void signIn() {
        admin = new HeardClient(port).asAdmin();
        testnet = new TestnetAccounts(admin, testnetApi);
    }

    @Test
    void anAccountTheNetworkAcceptsIsStoredWithItsWebhookUrlAndItsSecretEncrypted() {
        var account = Account.fresh();

        var connected = testnet.connect(account);

        assertThat(connected.get("externalId").asString()).isEqualTo(account.externalId());
        assertThat(connected.get("name").asString()).isEqualTo(account.name());
        assertThat(connected.get("status").asString()).isEqualTo("CONNECTED");
        assertThat(connected.get("settings").get("workspace").asString()).isEqualTo("acme");
        assertThat(connected.toString()).doesNotContain(account.token());
        var webhookUrl = connected.get("webhookUrl").asString();
        assertThat(webhookUrl).matches("http://127\\.0\\.0\\.1:" + port + "/hooks/testnet/[A-Za-z0-9_-]{43}");
        assertThat(connected.get("verifyToken").asString()).matches("[A-Za-z0-9_-]{32}");
        testnetApi.verify(getRequestedFor(urlEqualTo("/me")).withHeader("X-Webhook-Url", equalTo(webhookUrl)));

        byte[] stored = jdbc.sql("select credentials from channel_accounts where external_id = ?")
                .param(account.externalId())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(account.token())
                .doesNotContain("acme");
        var listed = admin.get("/api/admin/channels");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(account.externalId()).doesNotContain(account.token());
    }

    @Test
    void credentialsTheNetworkRefusesAreAProblemWithItsReasonAndNothingIsStored() {
        long before = accounts();

        var response = admin.post(
                "/api/admin/channels",
                Map.of("channel", "testnet", "credentials", Map.of("token", "wrong-" + UUID.randomUUID())));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("Testnet says: Unknown access token");
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void connectingTheSameAccountAgainUpdatesItAndTheOldUrlStopsWorking() {
        var account = Account.fresh();
        var first = testnet.connect(account);
        var again = testnet.connect(account);

        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(again.get("webhookUrl").asString())
                .isNotEqualTo(first.get("webhookUrl").asString());
        var old = testnet.deliver(
                first.get("webhookUrl").asString(),
                first.get("verifyToken").asString(),
                TestnetAccounts.message(account.externalId(), "e-" + UUID.randomUUID(), "c1", "hi"));
        assertThat(old.status()).isEqualTo(404);
    }

    @Test
    void aWebhookAtTheAccountsUrlReachesTheConnectorWithTheAccountAndBecomesAConversation() {
        var account = testnet.connect(Account.fresh());
        var externalId = account.get("externalId").asString();
        var event = "e-" + UUID.randomUUID();

        var response = testnet.deliver(
                account.get("webhookUrl").asString(),
                account.get("verifyToken").asString(),
                TestnetAccounts.message(externalId, event, "cust-" + event, "my parcel never came"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(jdbc.sql("select account from inbound_events where channel = 'testnet' and external_id = ?")
                        .param(event)
                        .query(String.class)
                        .single())
                .isEqualTo(externalId);
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(event) == 1);
    }

    @Test
    void aWebhookWithAnotherAccountsVerifyTokenIsRefused() {
        var account = testnet.connect(Account.fresh());
        var other = testnet.connect(Account.fresh());
        var event = "e-" + UUID.randomUUID();

        var response = testnet.deliver(
                account.get("webhookUrl").asString(),
                other.get("verifyToken").asString(),
                TestnetAccounts.message(account.get("externalId").asString(), event, "c", "hello"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(inboundEvents(event)).isZero();
    }

    @Test
    void aDeliveryForAnotherAccountThanTheUrlNamesIsABadRequest() {
        var account = testnet.connect(Account.fresh());
        var event = "e-" + UUID.randomUUID();

        var response = testnet.deliver(
                account.get("webhookUrl").asString(),
                account.get("verifyToken").asString(),
                TestnetAccounts.message("someone-else", event, "c", "hello"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("another account");
        assertThat(inboundEvents(event)).isZero();
    }

    @Test
    void anUnknownKeyIsNotFoundAndTheChannelWithoutAKeyIsNotFoundEither() {
        var event = "e-" + UUID.randomUUID();
        var body = TestnetAccounts.message("acct-x", event, "c", "hello");

        var unknown = testnet.deliver(admin.base() + "/hooks/testnet/no-such-key", "t", body);
        var keyless = testnet.deliver(admin.base() + "/hooks/testnet", "t", body);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(unknown.json().get("detail").asString()).contains("webhook URL");
        assertThat(keyless.status()).isEqualTo(404);
        assertThat(inboundEvents(event)).isZero();
    }

    @Test
    void aDisconnectedAccountsWebhookIsGoneAndNothingIsStored() {
        var account = testnet.connect(Account.fresh());
        var event = "e-" + UUID.randomUUID();

        var disconnected =
                admin.delete("/api/admin/channels/" + account.get("id").asLong());
        var response = testnet.deliver(
                account.get("webhookUrl").asString(),
                account.get("verifyToken").asString(),
                TestnetAccounts.message(account.get("externalId").asString(), event, "c", "hello"));

        assertThat(disconnected.status()).isEqualTo(200);
        assertThat(disconnected.json().get("status").asString()).isEqualTo("DISCONNECTED");
        assertThat(response.status()).isEqualTo(410);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(inboundEvents(event)).isZero();
        assertThat(jdbc.sql(
                                "select count(*) from channel_account_audit where account_id = ? and action = 'DISCONNECTED'")
                        .param(account.get("id").asLong())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReplyIsSentWithItsAccountsCredentials() {
        var account = Account.fresh();
        var connected = testnet.connect(account);
        testnetApi.stubFor(post(urlEqualTo("/accounts/" + account.externalId() + "/messages"))
                .withHeader("Authorization", equalTo("Bearer " + account.token()))
                .willReturn(okJson("{\"id\":\"sent-1\"}")));
        long conversation = conversationOn(connected);

        long message = reply(conversation, "We are on it");

        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(outboxStatus(message)));
        testnetApi.verify(postRequestedFor(urlEqualTo("/accounts/" + account.externalId() + "/messages"))
                .withHeader("Authorization", equalTo("Bearer " + account.token()))
                .withRequestBody(containing("We are on it")));
    }

    @Test
    void aReplyForADisconnectedAccountFailsWithAReasonAnAgentCanActOn() {
        // The team's other Testnet account stays connected, so the network still takes replies.
        testnet.connect(Account.fresh());
        var account = Account.fresh();
        var connected = testnet.connect(account);
        long conversation = conversationOn(connected);
        admin.delete("/api/admin/channels/" + connected.get("id").asLong());

        long message = reply(conversation, "Hello again");

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(outboxStatus(message)));
        assertThat(outboxError(message))
                .isEqualTo("The Testnet account " + account.name()
                        + " is not connected any more; reconnect it in Channels, then send again.");
        testnetApi.verify(0, postRequestedFor(urlEqualTo("/accounts/" + account.externalId() + "/messages")));
    }

    @Test
    void aReplyOnANetworkWithNoAccountConnectedAnyMoreIsRefusedAtOnceWithTheReason() {
        var connected = testnet.connect(Account.fresh());
        long conversation = conversationOn(connected);
        admin.delete("/api/admin/channels/" + connected.get("id").asLong());

        var reply = admin.post(
                "/api/conversations/" + conversation + "/replies",
                Map.of("text", "Hello again", "visibility", "PRIVATE"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString())
                .isEqualTo("Heard is not connected to testnet any more, so this reply cannot be sent;"
                        + " an admin can connect it again.");
        assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single())
                .isZero();
    }

    @Test
    void credentialsTheNetworkNoLongerTakesMarkTheAccountFailingWithItsReason() {
        var account = Account.fresh();
        var connected = testnet.connect(account);
        testnetApi.stubFor(post(urlEqualTo("/accounts/" + account.externalId() + "/messages"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Token revoked\"}")));
        long conversation = conversationOn(connected);

        long message = reply(conversation, "Sorry for the wait");

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(outboxStatus(message)));
        assertThat(outboxError(message)).contains("Testnet says: Token revoked").contains("Channels");
        var status = status(connected.get("id").asLong());
        assertThat(status).isEqualTo(Map.of("status", "FAILING", "detail", "Testnet says: Token revoked"));
    }

    @Test
    void testingAnAccountAsksTheNetworkAgainAndShowsItsAnswer() {
        var account = Account.fresh();
        var connected = testnet.connect(account);
        long id = connected.get("id").asLong();
        var revoked = testnetApi.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/me"))
                .withHeader("Authorization", equalTo("Bearer " + account.token()))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Token revoked\"}")));

        var failing = admin.post("/api/admin/channels/" + id + "/test", Map.of());
        testnetApi.removeStub(revoked);
        var healthy = admin.post("/api/admin/channels/" + id + "/test", Map.of());

        assertThat(failing.status()).isEqualTo(200);
        assertThat(failing.json().get("status").asString()).isEqualTo("FAILING");
        assertThat(failing.json().get("statusDetail").asString()).isEqualTo("Testnet says: Token revoked");
        assertThat(healthy.json().get("status").asString()).isEqualTo("CONNECTED");
        assertThat(healthy.json().get("statusDetail").isNull()).isTrue();
    }

    @Test
    void credentialsNoConfiguredKeyOpensMarkTheAccountFailingInsteadOfBreakingHeard() {
        var connected = testnet.connect(Account.fresh());
        long id = connected.get("id").asLong();
        // As if they had been saved under another key: the ciphertext no longer opens with this one.
        jdbc.sql("update channel_accounts set credentials = overlay(credentials placing '\\x00000000'::bytea from 20)"
                        + " where id = ?")
                .param(id)
                .update();

        var tested = admin.post("/api/admin/channels/" + id + "/test", Map.of());
        var webhook = testnet.deliver(
                connected.get("webhookUrl").asString(),
                connected.get("verifyToken").asString(),
                TestnetAccounts.message(connected.get("externalId").asString(), "e-" + UUID.randomUUID(), "c", "hi"));

        assertThat(tested.status()).isEqualTo(200);
        assertThat(tested.json().get("status").asString()).isEqualTo("FAILING");
        assertThat(tested.json().get("statusDetail").asString())
                .contains("credentials cannot be decrypted with this key");
        assertThat(webhook.status()).isEqualTo(503);
    }

    @Test
    void onlyAdminsReachChannelsAndTheirApi() {
        var email = "agent-" + UUID.randomUUID() + "@example.com";
        var created = admin.post(
                "/api/admin/users",
                Map.of("email", email, "name", "Ari Agent", "password", "a-long-enough-password", "role", "AGENT"));
        assertThat(created.status()).isEqualTo(201);
        var agent = new HeardClient(port).signIn(email, "a-long-enough-password");

        assertThat(agent.get("/api/admin/channels").status()).isEqualTo(403);
        assertThat(agent.post("/api/admin/channels", Map.of("channel", "testnet"))
                        .status())
                .isEqualTo(403);
        assertThat(agent.get("/admin/channels").status()).isEqualTo(403);
        assertThat(new HeardClient(port).get("/api/admin/channels").status()).isEqualTo(401);
        assertThat(admin.get("/admin/channels").status()).isEqualTo(200);
    }

    @Test
    void secretsNeverReachTheLog(CapturedOutput output) {
        var account = Account.fresh();
        var refusedToken = "refused-secret-" + UUID.randomUUID();
        var connected = testnet.connect(account);
        var refused = admin.post(
                "/api/admin/channels", Map.of("channel", "testnet", "credentials", Map.of("token", refusedToken)));
        testnetApi.stubFor(post(urlEqualTo("/accounts/" + account.externalId() + "/messages"))
                .willReturn(aResponse().withStatus(500)));
        long message = reply(conversationOn(connected), "This one will not go through");
        await().atMost(Duration.ofSeconds(15)).until(() -> outboxError(message) != null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(output.getAll())
                .contains("connected testnet account " + account.externalId())
                .contains("Testnet refused connecting an account: Testnet says: Unknown access token")
                .contains("Testnet answered 500")
                .doesNotContain(account.token())
                .doesNotContain(refusedToken);
    }

    private long conversationOn(tools.jackson.databind.JsonNode account) {
        var event = "e-" + UUID.randomUUID();
        var customer = "cust-" + event;
        var delivered = testnet.deliver(
                account.get("webhookUrl").asString(),
                account.get("verifyToken").asString(),
                TestnetAccounts.message(account.get("externalId").asString(), event, customer, "hello?"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.sql("""
                                        select c.id from conversations c join channel_identities i on i.id = c.identity_id
                                        where i.channel = 'testnet' and i.external_id = ?
                                        """).param(customer).query(Long.class).optional(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private long reply(long conversation, String text) {
        var reply = admin.post(
                "/api/conversations/" + conversation + "/replies", Map.of("text", text, "visibility", "PRIVATE"));
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        return reply.json().get("id").asLong();
    }

    private String outboxStatus(long message) {
        return jdbc.sql("select status from outbox where message_id = ?")
                .param(message)
                .query(String.class)
                .single();
    }

    private String outboxError(long message) {
        return jdbc.sql("select last_error from outbox where message_id = ?")
                .param(message)
                .query((row, n) -> java.util.Optional.ofNullable(row.getString(1)))
                .single()
                .orElse(null);
    }

    private Map<String, String> status(long account) {
        return jdbc.sql("select status, status_detail from channel_accounts where id = ?")
                .param(account)
                .query((rs, i) -> Map.of("status", rs.getString(1), "detail", String.valueOf(rs.getString(2))))
                .single();
    }

    private long accounts() {
        return jdbc.sql("select count(*) from channel_accounts")
                .query(Long.class)
                .single();
    }

    private long inboundEvents(String event) {
        return jdbc.sql("select count(*) from inbound_events where channel = 'testnet' and external_id = ?")
                .param(event)
                .query(Long.class)
                .single();
    }

    private long messages(String event) {
        return jdbc.sql("select count(*) from messages where channel = 'testnet' and external_id = ?")
                .param(event)
                .query(Long.class)
                .single();
    }
}
