package org.heard.selfservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * The company's customer system of every test application: a WireMock server that self-service's lookup is pointed
 * at, so tests stub accounts without a Spring context of their own. Tests stub what they need under their own
 * account numbers; anything else answers 503.
 */
public final class AccountSystemDouble {

    public static final String BEAN = "accountSystemDouble";
    public static final String TOKEN = "test-lookup-token";

    private AccountSystemDouble() {}

    /**
     * The first request to a fresh WireMock takes seconds on a busy machine, longer than Heard waits for a lookup;
     * it is made here, so tests time the company's system and not the double's start.
     */
    private static void warmUp(WireMockServer server) {
        try (var http = HttpClient.newHttpClient()) {
            http.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/warm-up"))
                            .version(HttpClient.Version.HTTP_1_1)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the double and points {@code heard.selfservice.lookup.*} at it, in every test application. */
    public static final class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var server = new WireMockServer(options().dynamicPort());
            server.start();
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(503)));
            warmUp(server);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            BEAN,
                            Map.of(
                                    "heard.selfservice.lookup.url",
                                    server.baseUrl(),
                                    "heard.selfservice.lookup.token",
                                    TOKEN,
                                    "heard.selfservice.lookup.timeout",
                                    "1s")));
            context.getBeanFactory().registerSingleton(BEAN, server);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    server.stop();
                }
            });
        }
    }
}
