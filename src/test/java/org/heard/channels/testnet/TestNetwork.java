package org.heard.channels.testnet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.heard.StoryScoped;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Adds the test-only Testnet network to a Heard under test: its API is a WireMock server the test
 * stubs, and its connector a bean like any network's. Tests that import it share one application.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestNetwork {

    @Bean(destroyMethod = "stop")
    WireMockServer testnetApi() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        stubWhatTestnetAnswersByDefault(server);
        return server;
    }

    /** Each story starts with Testnet answering only its defaults, and with no request of an earlier story recorded. */
    @Bean
    StoryScoped testnetForgetsTheLastStory(WireMockServer testnetApi) {
        return () -> {
            testnetApi.resetAll();
            stubWhatTestnetAnswersByDefault(testnetApi);
        };
    }

    private static void stubWhatTestnetAnswersByDefault(WireMockServer server) {
        // What Testnet answers when a test has not said otherwise: nothing new, and no such token. Every
        // request is matched, so WireMock never prints an unmatched request with its Authorization header.
        server.stubFor(get(urlPathMatching("/accounts/[^/]+/updates"))
                .atPriority(10)
                .willReturn(okJson("{\"events\":[],\"cursor\":null,\"next\":3600}")));
        server.stubFor(get(urlEqualTo("/me"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Unknown access token\"}")));
        server.stubFor(post(urlPathMatching("/accounts/[^/]+/messages"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(503)));
    }

    @Bean
    TestNetworkConnector testNetworkConnector(WireMockServer testnetApi) {
        return new TestNetworkConnector(testnetApi.baseUrl());
    }
}
