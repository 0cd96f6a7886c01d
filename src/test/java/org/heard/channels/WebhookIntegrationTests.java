package org.heard.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A network's webhook, well-formed or not, as it arrives over HTTP at {@code /hooks/sandbox}. */
@IntegrationTest
@Tag("persistence")
class WebhookIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HeardClient heard;

    @BeforeEach
    void connect() {
        heard = new HeardClient(port);
    }

    @Test
    void aSignedPostIsRecordedBeforeTheAnswerAndThreadedIntoAConversation() {
        var id = unique();
        var response =
                heard.signedSandboxWebhook(SandboxPayloads.post(id, "author-" + id, "@heardbrand my order is late"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(inboundEvents(id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(id) == 1);
    }

    @Test
    void aRepeatedDeliveryIsAcknowledgedAndChangesNothing() {
        var id = unique();
        var body = SandboxPayloads.post(id, "author-" + id, "charged twice!!");

        assertThat(heard.signedSandboxWebhook(body).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(id) == 1);
        var again = heard.signedSandboxWebhook(body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(inboundEvents(id)).isEqualTo(1);
        assertThat(messages(id)).isEqualTo(1);
        assertThat(conversationsOf("author-" + id)).isEqualTo(1);
    }

    @Test
    void deliveriesArrivingTogetherShareCommitsAndEachPostIsNewForOneOfThem() throws Exception {
        var ids =
                java.util.stream.IntStream.range(0, 30).mapToObj(i -> unique()).toList();
        var requests = new java.util.ArrayList<java.util.concurrent.Future<HeardClient.Response>>();
        try (var network = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            // Every post delivered twice at the same moment, as a network retrying a slow answer does.
            for (var id : ids) {
                var body = SandboxPayloads.post(id, "author-" + id, "@heardbrand is the app down?");
                requests.add(network.submit(() -> heard.signedSandboxWebhook(body)));
                requests.add(network.submit(() -> heard.signedSandboxWebhook(body)));
            }
        }
        int fresh = 0;
        for (var request : requests) {
            var answer = request.get();
            assertThat(answer.status()).isEqualTo(200);
            fresh += answer.json().get("received").asInt()
                    - answer.json().get("duplicates").asInt();
        }

        assertThat(fresh)
                .as("each post counted new by exactly one of its two deliveries")
                .isEqualTo(ids.size());
        for (var id : ids) {
            assertThat(inboundEvents(id))
                    .as("post %s recorded before its answers", id)
                    .isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> messages(id) == 1));
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        var id = unique();
        var response =
                heard.sandboxWebhook(SandboxPayloads.post(id, "author-" + id, "forged"), "sha256=" + "00".repeat(32));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("X-Sandbox-Signature");
        assertThat(inboundEvents(id)).isZero();
    }

    @Test
    void aMissingSignatureIsRefusedAndNothingIsStored() {
        var id = unique();
        var response = heard.sandboxWebhook(SandboxPayloads.post(id, "author-" + id, "unsigned"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(inboundEvents(id)).isZero();
    }

    @Test
    void aSignatureOfAnotherBodyIsRefused() {
        var id = unique();
        var signedBody = SandboxPayloads.post(id, "author-" + id, "original");
        var signature = new org.heard.channels.sandbox.SandboxSignature(HeardClient.SANDBOX_SECRET)
                .sign(signedBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var response = heard.sandboxWebhook(signedBody.replace("original", "tampered"), signature);

        assertThat(response.status()).isEqualTo(401);
        assertThat(inboundEvents(id)).isZero();
    }

    @Test
    void malformedJsonIsABadRequestWithAProblemDetail() {
        var response = heard.signedSandboxWebhook("{\"account\": \"heardbrand\", \"events\": [");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("not a sandbox webhook");
    }

    @Test
    void anUnknownShapeIsABadRequestAndNothingIsStored() {
        long before = allInboundEvents();
        var response = heard.signedSandboxWebhook("{\"object\":\"page\",\"entry\":[{\"id\":\"1\"}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("account");
        assertThat(allInboundEvents()).isEqualTo(before);
    }

    @Test
    void anEventWithoutAnAuthorIsABadRequestAndNoEventOfTheBatchIsStored() {
        var good = unique();
        var body = """
                {"account":"heardbrand","events":[
                  {"id":"post-%s","type":"post","post":{"id":"%s","text":"fine","author":{"id":"9"}}},
                  {"id":"post-broken","type":"post","post":{"id":"broken","text":"no author"}}]}
                """.formatted(good, good);

        var response = heard.signedSandboxWebhook(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(inboundEvents(good)).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        var id = unique();
        var huge = SandboxPayloads.post(id, "author-" + id, "x".repeat(300_000));

        var response = heard.signedSandboxWebhook(huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(inboundEvents(id)).isZero();
    }

    @Test
    void aPostWithANulCharacterAndAnOverlongNameIsStillThreaded() {
        var id = unique();
        var body = SandboxPayloads.post(id, "author-" + id, "before\0after")
                .replace("\"name\":\"personauthor-" + id + "\"", "\"name\":\"" + "N".repeat(500) + "\"");

        assertThat(heard.signedSandboxWebhook(body).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(id) == 1);
        assertThat(jdbc.sql("select text from messages where external_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("beforeafter");
    }

    @Test
    void anEventIdLongerThanHeardStoresIsRefusedAtTheDoor() {
        var id = "x".repeat(250);
        var response = heard.signedSandboxWebhook(SandboxPayloads.post(id, "author", "hello"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("at most 200 characters");
        assertThat(inboundEvents(id)).isZero();
    }

    @Test
    void anUnknownChannelIsNotFound() {
        var response = heard.send(
                heard.request("/hooks/myspace").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("myspace");
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private long inboundEvents(String externalId) {
        return jdbc.sql("select count(*) from inbound_events where channel = 'sandbox' and external_id = ?")
                .param("post-" + externalId)
                .query(Long.class)
                .single();
    }

    private long allInboundEvents() {
        return jdbc.sql("select count(*) from inbound_events").query(Long.class).single();
    }

    private long messages(String externalId) {
        return jdbc.sql("select count(*) from messages where channel = 'sandbox' and external_id = ?")
                .param(externalId)
                .query(Long.class)
                .single();
    }

    private long conversationsOf(String authorExternalId) {
        return jdbc.sql("""
                        select count(*) from conversations c join channel_identities i on i.id = c.identity_id
                        where i.channel = 'sandbox' and i.external_id = ?
                        """).param(authorExternalId).query(Long.class).single();
    }
}
