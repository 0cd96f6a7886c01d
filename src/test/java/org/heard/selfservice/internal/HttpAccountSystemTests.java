package org.heard.selfservice.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.heard.selfservice.internal.AccountSystem.LookupFailed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The company's account system as WireMock, answering as the documented lookup contract says, or not. */
class HttpAccountSystemTests {

    static final WireMockServer company = new WireMockServer(options().dynamicPort());

    HttpAccountSystem system;

    @BeforeAll
    static void start() {
        company.start();
        // The first request to a fresh server is slow on a busy machine; the timeouts below are about the company's
        // system, not about warming up.
        company.stubFor(get(urlEqualTo("/customers/warm/up")).willReturn(okJson("{}")));
        new HttpAccountSystem(
                        company.baseUrl(),
                        "",
                        Duration.ofSeconds(30),
                        JsonMapper.builder().build())
                .values("warm", "up");
    }

    @AfterAll
    static void stop() {
        company.stop();
    }

    @BeforeEach
    void connect() {
        company.resetAll();
        system = new HttpAccountSystem(
                company.baseUrl() + "/",
                "secret-token",
                Duration.ofSeconds(2),
                JsonMapper.builder().build());
    }

    @Test
    void detailsThatOpenAnAccountGiveItsReference() {
        company.stubFor(post(urlEqualTo("/verify"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withRequestBody(equalToJson("{\"account\":\"1001\",\"secret\":\"2468\"}"))
                .willReturn(okJson("{\"customerRef\":\"c-1001\"}")));

        assertThat(system.verify("1001", "2468")).contains("c-1001");
    }

    @Test
    void detailsThatOpenNoAccountGiveNothing() {
        company.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(503)));
        company.stubFor(post(urlEqualTo("/verify"))
                .withRequestBody(equalToJson("{\"account\":\"1001\",\"secret\":\"0000\"}"))
                .willReturn(aResponse().withStatus(404)));

        assertThat(system.verify("1001", "0000")).isEmpty();
    }

    @Test
    void aSystemInTroubleIsALookupFailureThatNamesNoSecret() {
        company.stubFor(post(urlEqualTo("/verify")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> system.verify("1001", "2468"))
                .isInstanceOf(LookupFailed.class)
                .hasMessageContaining("500")
                .hasMessageNotContaining("2468");
    }

    @Test
    void valuesAreReadAsTextAndLongOnesAreCut() {
        company.stubFor(get(urlEqualTo("/customers/c%201001/balance"))
                .willReturn(okJson("{\"balance\":\"£12.40\",\"pence\":1240,\"note\":\"" + "x".repeat(100) + "\"}")));

        var values = system.values("c 1001", "balance");

        assertThat(values).containsEntry("balance", "£12.40").containsEntry("pence", "1240");
        assertThat(values.get("note")).hasSize(HttpAccountSystem.MAX_VALUE).endsWith("…");
        company.verify(getRequestedFor(urlEqualTo("/customers/c%201001/balance"))
                .withHeader("Authorization", equalTo("Bearer secret-token")));
    }

    @Test
    void aSlowOrMisshapenAnswerIsALookupFailure() {
        company.stubFor(get(urlEqualTo("/customers/c1/balance"))
                .willReturn(okJson("{\"balance\":\"1\"}").withFixedDelay(4000)));
        company.stubFor(get(urlEqualTo("/customers/c1/data")).willReturn(okJson("[1, 2]")));
        company.stubFor(
                get(urlEqualTo("/customers/c1/charges")).willReturn(aResponse().withBody("<html>")));

        assertThatThrownBy(() -> system.values("c1", "balance")).isInstanceOf(LookupFailed.class);
        assertThatThrownBy(() -> system.values("c1", "data")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> system.values("c1", "charges")).hasMessageContaining("not JSON");
    }
}
