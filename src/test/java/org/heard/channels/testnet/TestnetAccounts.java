package org.heard.channels.testnet;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import tools.jackson.databind.JsonNode;

/** Connects Testnet accounts through Heard's admin API and delivers their webhooks, as tests need. */
public record TestnetAccounts(HeardClient admin, WireMockServer api) {

    /** A fresh account on Testnet: its id there, its name and its secret token. */
    public record Account(String externalId, String name, String token) {

        public static Account fresh() {
            var id = UUID.randomUUID().toString().substring(0, 8);
            return new Account("acct-" + id, "@heard_" + id, "secret-token-" + UUID.randomUUID());
        }
    }

    /** Testnet knows the account's token from now on. */
    public void exists(Account account) {
        api.stubFor(get(urlEqualTo("/me"))
                .withHeader("Authorization", equalTo("Bearer " + account.token()))
                .willReturn(okJson("{\"id\":\"" + account.externalId() + "\",\"name\":\"" + account.name() + "\"}")));
    }

    /** Connects it through the API and answers the account as Heard shows it. */
    public JsonNode connect(Account account) {
        exists(account);
        var response = admin.post(
                "/api/admin/channels",
                Map.of(
                        "channel",
                        TestNetworkConnector.CHANNEL,
                        "credentials",
                        Map.of("token", account.token(), "workspace", "acme")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Delivers a webhook to the URL Heard gave the account, with the given token header. */
    public HeardClient.Response deliver(String webhookUrl, String token, String body) {
        var request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(TestNetworkConnector.TOKEN_HEADER, token);
        }
        return admin.send(request);
    }

    /** A Testnet webhook body: one message from a customer to the account. */
    public static String message(String account, String eventId, String authorId, String text) {
        return """
                {"account":"%s","events":[{"id":"%s","text":"%s","author":{"id":"%s","name":"Customer %s"}}]}
                """.formatted(account, eventId, text, authorId, authorId);
    }
}
