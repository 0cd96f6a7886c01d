package org.heard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do, whatever its network. A connector's test extends this class, points
 * the connector at {@link #network} (a WireMock double of the network's API) and gives the fixtures in
 * {@code src/test/resources/fixtures/<network>/}, shaped exactly as the network documents them:
 *
 * <ul>
 *   <li>{@code message.json} — a webhook (or poll answer) with one customer message;
 *   <li>{@code reply.json} — a customer's message answering an earlier one, for threading;
 *   <li>{@code unknown-event.json} — an event Heard has no use for, which must be acknowledged and
 *       ignored (a read receipt, a type the network added later).
 * </ul>
 *
 * <p>Connectors that receive by polling rather than webhooks pass the same tests: {@link #deliveries}
 * turns a fixture into deliveries the way that connector does. Connectors whose network is not HTTP
 * (email's SMTP) override the {@code network…} hooks, such as {@link #networkTakesReplies()}, to make
 * their own double of the network take, limit or refuse a reply; by default they stub {@link #network}.
 */
public abstract class ChannelConnectorContract {

    protected WireMockServer network;
    protected ChannelConnector connector;

    /** The folder under {@code fixtures/}. */
    protected abstract String network();

    /** The connector under test, talking to the network at {@code baseUrl}. */
    protected abstract ChannelConnector connector(String baseUrl);

    /** The account the fixtures were sent to, with credentials the network double accepts. */
    protected abstract ChannelAccount account();

    /** The fixture as the network would deliver it, correctly signed for {@link #account()}. */
    protected abstract WebhookRequest signed(byte[] body);

    /** The fixture as a forger would send it: signed with the wrong secret, or not at all. */
    protected abstract WebhookRequest forged(byte[] body);

    /** What {@code message.json} holds. */
    protected abstract Expected expectedMessage();

    /** The network's id of the message that {@code reply.json} answers. */
    protected abstract String expectedInReplyTo();

    /** The request the network's API receives when Heard sends a reply. */
    protected abstract MappingBuilder sendRequest();

    /** The network's answer when it takes a reply, and the id it gives the new message. */
    protected abstract ResponseDefinitionBuilder sendAccepted();

    protected abstract String expectedSentId();

    /** Checks the reply reached the network as its documentation asks (thread, recipient, text). */
    protected abstract void assertReplySent(OutboundMessage reply);

    /** The network's answer when Heard sends too fast, and the wait it asks for. */
    protected abstract ResponseDefinitionBuilder rateLimited();

    protected abstract Duration expectedRetryAfter();

    /** The network's answer to a reply that can never succeed, and its reason as the agent should see it. */
    protected abstract ResponseDefinitionBuilder permanentlyRefused();

    protected abstract String expectedRefusalReason();

    /** A public reply to {@code message.json}'s message, or a private one where the network has no public side. */
    protected OutboundMessage reply(InboundMessage to) {
        return new OutboundMessage(
                to.channel(),
                to.account(),
                "reply-" + to.externalId(),
                42,
                "Sorry about that, we are on it. Ana",
                to.visibility(),
                to.externalId(),
                to.visibility() == Visibility.PRIVATE ? to.author().externalId() : null);
    }

    /**
     * Whether the network signs each body (an HMAC over it). A network that only sends a shared secret
     * with each call (Telegram's {@code X-Telegram-Bot-Api-Secret-Token}) cannot show that a body was
     * changed; TLS keeps it intact, and what can be tested is that the secret is still demanded.
     */
    protected boolean signsTheBody() {
        return true;
    }

    /** A subscription check the network makes, and the answer it expects; empty if it makes none. */
    protected Optional<Challenge> challenge() {
        return Optional.empty();
    }

    /** The file under {@code fixtures/<network>/} that holds the named fixture; a network whose payloads are not JSON names its own. */
    protected String fixtureFile(String name) {
        return name;
    }

    /** A part of {@code message.json} as received that a forger would change; the message's text by default. */
    protected String textInFixture() {
        return expectedMessage().text();
    }

    /** Makes the network take the next reply. */
    protected void networkTakesReplies() {
        network.stubFor(sendRequest().willReturn(sendAccepted()));
    }

    /** Makes the network turn the next reply away because Heard sends too fast. */
    protected void networkLimitsReplies() {
        network.stubFor(sendRequest().willReturn(rateLimited()));
    }

    /** Makes the network briefly broken. */
    protected void networkIsBroken() {
        network.stubFor(sendRequest().willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
    }

    /** Makes the network refuse the next reply for good. */
    protected void networkRefusesReplies() {
        network.stubFor(sendRequest().willReturn(permanentlyRefused()));
    }

    /** Puts something that is not the network where Heard expects it, such as a captive portal. */
    protected void networkAnswersGarbage() {
        network.stubFor(sendRequest()
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Gateway login</body></html>")));
    }

    /** The fixture's deliveries, as this connector receives them. */
    protected List<InboundDelivery> deliveries(byte[] fixture) {
        var request = signed(fixture);
        connector.verify(request);
        return connector.read(request);
    }

    public record Expected(String externalId, String authorId, String text, Visibility visibility) {}

    public record Challenge(WebhookRequest request, String answer) {}

    @BeforeEach
    void startNetwork() {
        network = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        network.start();
        connector = connector(network.baseUrl());
    }

    @AfterEach
    void stopNetwork() {
        network.stop();
    }

    protected final byte[] fixture(String name) {
        var path = "/fixtures/" + network() + "/" + fixtureFile(name);
        try (var in = getClass().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected final InboundMessage only(byte[] fixture) {
        var deliveries = deliveries(fixture);
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.getFirst().account()).isEqualTo(account().externalId());
        return connector.normalise(deliveries.getFirst());
    }

    @Test
    void answersTheNetworksSubscriptionCheckOnlyWhenItIsGenuine() {
        var challenge = challenge();
        if (challenge.isEmpty()) {
            assertThat(connector.answerChallenge(signed(new byte[0]))).isEmpty();
            return;
        }
        assertThat(connector.answerChallenge(challenge.get().request()))
                .contains(challenge.get().answer());
        var wrong = new java.util.HashMap<>(challenge.get().request().query());
        wrong.replaceAll((name, value) -> name.contains("token") ? "wrong-token" : value);
        var forgedCheck = new WebhookRequest(
                challenge.get().request().headers(),
                wrong,
                challenge.get().request().body(),
                challenge.get().request().account());
        Optional<String> answer;
        try {
            answer = connector.answerChallenge(forgedCheck);
        } catch (WebhookRejected refused) {
            answer = Optional.empty();
        }
        assertThat(answer)
                .as("a check with the wrong verify token is not answered")
                .isEmpty();
    }

    @Test
    void readsAMessageAsTheNetworkDocumentsIt() {
        var message = only(fixture("message.json"));
        var expected = expectedMessage();

        assertThat(message.channel()).isEqualTo(connector.channel());
        assertThat(message.account()).isEqualTo(account().externalId());
        assertThat(message.externalId()).isEqualTo(expected.externalId());
        assertThat(message.author().externalId()).isEqualTo(expected.authorId());
        assertThat(message.text()).isEqualTo(expected.text());
        assertThat(message.visibility()).isEqualTo(expected.visibility());
    }

    @Test
    void refusesAForgedWebhook() {
        assertThatThrownBy(() -> connector.verify(forged(fixture("message.json"))))
                .isInstanceOf(WebhookRejected.class);
    }

    @Test
    void refusesAWebhookWhoseBodyWasChangedAfterSigning() {
        var signed = signed(fixture("message.json"));
        var tampered = new String(signed.body(), StandardCharsets.UTF_8)
                .replace(textInFixture(), "Send me a refund to this account")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(signed.body());
        var request = signsTheBody()
                ? new WebhookRequest(signed.headers(), signed.query(), tampered, signed.account())
                : forged(tampered);
        assertThatThrownBy(() -> connector.verify(request)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aRepeatedDeliveryHasTheSameEventIdSoItIsRecordedOnce() {
        var first = deliveries(fixture("message.json"));
        var again = deliveries(fixture("message.json"));
        assertThat(ids(again)).isEqualTo(ids(first)).doesNotContainNull();
    }

    @Test
    void keepsTheThreadOfAReply() {
        var reply = only(fixture("reply.json"));
        assertThat(reply.inReplyTo()).isEqualTo(expectedInReplyTo());
    }

    @Test
    void acknowledgesAndIgnoresEventsItHasNoUseFor() {
        assertThat(deliveries(fixture("unknown-event.json"))).isEmpty();
    }

    @Test
    void refusesAMalformedPayloadWithAReason() {
        var garbage = "{\"this is\": not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deliveries(garbage))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void sendsAReplyInItsThread() throws SendFailed {
        networkTakesReplies();
        var reply = reply(only(fixture("message.json")));

        assertThat(connector.send(reply, account())).isEqualTo(expectedSentId());
        assertReplySent(reply);
    }

    @Test
    void waitsAsLongAsTheNetworkAsksWhenRateLimited() {
        networkLimitsReplies();
        var failure = sendFailure();

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(expectedRetryAfter());
    }

    @Test
    void triesAgainLaterWhenTheNetworkIsBroken() {
        networkIsBroken();
        assertThat(sendFailure().retryable()).isTrue();
    }

    @Test
    void showsTheNetworksReasonWhenAReplyCanNeverBeSent() {
        networkRefusesReplies();
        var failure = sendFailure();

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains(expectedRefusalReason());
    }

    @Test
    void survivesANetworkThatAnswersGarbage() {
        networkAnswersGarbage();
        assertThat(sendFailure().retryable()).isTrue();
    }

    @Test
    void neverPutsACredentialInAnError() {
        networkRefusesReplies();
        var failure = sendFailure();
        var secrets = account().credentials().asMap().values();

        for (var secret : secrets) {
            if (secret.length() >= 8) {
                assertThat(failure.getMessage()).doesNotContain(secret);
                assertThat(String.valueOf(failure.getCause())).doesNotContain(secret);
            }
        }
    }

    private SendFailed sendFailure() {
        var reply = reply(only(fixture("message.json")));
        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(reply, account()));
        assertThat(failure).as("sending fails with SendFailed").isNotNull();
        return failure;
    }

    private static List<String> ids(List<InboundDelivery> deliveries) {
        return deliveries.stream().map(InboundDelivery::externalId).collect(Collectors.toList());
    }

    /** Headers as a network sends them, lower-cased the way Heard's endpoint hands them over. */
    protected static Map<String, List<String>> headers(String... namesAndValues) {
        var headers = new java.util.HashMap<String, List<String>>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i].toLowerCase(java.util.Locale.ROOT), List.of(namesAndValues[i + 1]));
        }
        return headers;
    }
}
