package org.heard.channels.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.bluesky.BlueskyConnectorContractTests.NOW;
import static org.heard.channels.bluesky.BlueskyNetwork.BRAND;
import static org.heard.channels.bluesky.BlueskyNetwork.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Direct messages through Bluesky's chat service, reached via the account's PDS with {@code atproto-proxy}. */
class BlueskyChatTests {

    private static final String PROXY = "did:web:api.bsky.chat#bsky_chat";
    private static final String MARIA = "did:plc:z72i7hdynmk6r22z27h6tvur";
    private static final String CONVO = "3lbtqk2cq3k2m";
    private static final String NO_DM_ACCESS = "{\"error\":\"InvalidToken\",\"message\":\"Bad token scope\"}";
    private static final String RATE_LIMITED = "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}";

    private final WireMockServer pds =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final JsonMapper json = JsonMapper.builder().build();
    private BlueskyConnector connector;

    @BeforeEach
    void start() {
        pds.start();
        connector = new BlueskyConnector(
                HttpClient.newHttpClient(),
                json,
                Clock.fixed(NOW, ZoneOffset.UTC),
                "https://bsky.social",
                Duration.ofSeconds(30));
        BlueskyNetwork.signsIn(pds);
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .willReturn(json(200, "{\"notifications\":[]}")));
    }

    @AfterEach
    void stop() {
        pds.stop();
    }

    @Test
    void aCustomersDirectMessageArrivesPrivateWithTheirNameAndTheBrandsOwnMessagesAreLeftOut() throws SendFailed {
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog"))
                .withHeader("atproto-proxy", equalTo(PROXY))
                .withQueryParam("cursor", absent())
                .willReturn(json(200, fixture("get-log.json"))));
        pds.stubFor(get(urlEqualTo("/xrpc/chat.bsky.convo.getConvo?convoId=" + CONVO))
                .withHeader("atproto-proxy", equalTo(PROXY))
                .willReturn(json(200, fixture("convo.json"))));

        // A cursor written before Heard read direct messages: the notifications' indexedAt alone.
        var poll = connector.poll(account(), "2026-11-23T07:50:00Z");

        assertThat(poll.deliveries()).extracting(d -> d.externalId()).containsExactly("3lbtqk3ds4c2n");
        var message = connector.normalise(poll.deliveries().getFirst());
        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(message.account()).isEqualTo(BRAND);
        assertThat(message.author().externalId()).isEqualTo(MARIA);
        assertThat(message.author().handle()).isEqualTo("maria-g.bsky.social");
        assertThat(message.author().displayName()).isEqualTo("María García");
        assertThat(message.text()).startsWith("Hi! My order #4471 still has not arrived");
        assertThat(message.sentAt()).isEqualTo("2026-11-23T07:58:12.331Z");
        var cursor = BlueskyCursor.parse(poll.cursor(), json);
        assertThat(cursor.notifications()).isEqualTo("2026-11-23T07:50:00Z");
        assertThat(cursor.chat()).isEqualTo("2222223lbtqm4yr2e");
        pds.verify(1, getRequestedFor(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvo")));
    }

    @Test
    void theNextPollReadsTheChatLogAfterTheNewestRevSeen() throws SendFailed {
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog"))
                .withQueryParam("cursor", equalTo("2222223lbtqm4yr2e"))
                .willReturn(json(200, "{\"cursor\":\"2222223lbtqm4yr2e\",\"logs\":[]}")));

        var poll =
                connector.poll(account(), new BlueskyCursor("2026-11-23T07:50:00Z", "2222223lbtqm4yr2e").write(json));

        assertThat(poll.deliveries()).isEmpty();
        assertThat(BlueskyCursor.parse(poll.cursor(), json).chat()).isEqualTo("2222223lbtqm4yr2e");
    }

    @Test
    void aPrivateReplyGoesIntoTheCustomersConversation() throws SendFailed {
        opensConversation(fixture("convo.json"));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getMessages"))
                .withQueryParam("convoId", equalTo(CONVO))
                .willReturn(json(200, fixture("messages.json"))));
        sends();

        var id = connector.send(privately("It left our warehouse today: https://heard.example/t/4471"), account());

        assertThat(id).isEqualTo("3lbtqn7xk2s2n");
        pds.verify(getRequestedFor(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvoForMembers"))
                .withHeader("atproto-proxy", equalTo(PROXY))
                .withQueryParam("members", equalTo(MARIA)));
        pds.verify(postRequestedFor(urlEqualTo("/xrpc/chat.bsky.convo.sendMessage"))
                .withHeader("atproto-proxy", equalTo(PROXY))
                .withHeader("Authorization", equalTo("Bearer " + BlueskyNetwork.ACCESS))
                .withRequestBody(matchingJsonPath("$.convoId", equalTo(CONVO)))
                .withRequestBody(matchingJsonPath(
                        "$.message.text", equalTo("It left our warehouse today: https://heard.example/t/4471")))
                .withRequestBody(matchingJsonPath("$.message.facets[0].index.byteStart", equalTo("29")))
                .withRequestBody(matchingJsonPath("$.message.facets[0].index.byteEnd", equalTo("57")))
                .withRequestBody(matchingJsonPath(
                        "$.message.facets[0].features[0].uri", equalTo("https://heard.example/t/4471"))));
    }

    @Test
    void aPrivateAnswerToAPublicMentionOpensAConversationWithTheCustomer() throws SendFailed {
        assertThat(connector.rules().privateReplyToPublicPost()).isTrue();
        opensConversation("""
                {"convo":{"id":"3lbtqp5vh2k2m","rev":"2222223lbtqp5vi2e","members":[\
                {"did":"%s","handle":"heardbrand.bsky.social","displayName":"Heard Brand","labels":[]},\
                {"did":"%s","handle":"maria-g.bsky.social","displayName":"María García","labels":[],\
                "associated":{"chat":{"allowIncoming":"all"}}}],\
                "muted":false,"status":"accepted","unreadCount":0}}""".formatted(BRAND, MARIA));
        pds.stubFor(
                get(urlPathEqualTo("/xrpc/chat.bsky.convo.getMessages")).willReturn(json(200, "{\"messages\":[]}")));
        sends();

        connector.send(privately("Could you send us your order number here?"), account());

        pds.verify(postRequestedFor(urlEqualTo("/xrpc/chat.bsky.convo.sendMessage"))
                .withRequestBody(matchingJsonPath("$.convoId", equalTo("3lbtqp5vh2k2m"))));
    }

    @Test
    void aReplyTheChatServiceAlreadyTookIsNotSentAgain() throws SendFailed {
        opensConversation(fixture("convo.json"));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getMessages"))
                .willReturn(json(200, fixture("messages.json"))));
        sends();

        var id = connector.send(privately("Hello María, let me look into it."), account());

        assertThat(id).isEqualTo("3lbtqm2wp6k2n");
        pds.verify(0, postRequestedFor(urlEqualTo("/xrpc/chat.bsky.convo.sendMessage")));
    }

    @Test
    void aRateLimitedChatServiceMakesTheReplyWaitUntilItsReset() {
        opensConversation(fixture("convo.json"));
        pds.stubFor(
                get(urlPathEqualTo("/xrpc/chat.bsky.convo.getMessages")).willReturn(json(200, "{\"messages\":[]}")));
        pds.stubFor(post(urlEqualTo("/xrpc/chat.bsky.convo.sendMessage"))
                .willReturn(json(429, RATE_LIMITED)
                        .withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 45))));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(privately("Hi"), account()));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(failure.getMessage()).contains("Rate Limit Exceeded");
    }

    @Test
    void aRateLimitedChatLogHoldsBackNeitherMentionsNorItsOwnPlace() throws SendFailed {
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog"))
                .willReturn(json(429, RATE_LIMITED)
                        .withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 90))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .willReturn(json(200, page())));

        var poll = connector.poll(account(), new BlueskyCursor(null, "2222223lbtqa0002e").write(json));

        assertThat(poll.deliveries()).extracting(d -> d.externalId()).containsExactly(BlueskyNetwork.MENTION);
        assertThat(BlueskyCursor.parse(poll.cursor(), json).chat()).isEqualTo("2222223lbtqa0002e");
        assertThat(poll.next()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anAppPasswordWithoutDirectMessagesIsRefusedAtConnectWithWhatToDo() {
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.listConvos")).willReturn(json(400, NO_DM_ACCESS)));

        assertThatThrownBy(() -> connector.connect(new AccountSetup(account().credentials(), "unused", "unused")))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("Allow access to your direct messages")
                .hasMessageNotContaining(BlueskyNetwork.APP_PASSWORD);
        assertThat(connector.credentialFields().get(1).help()).contains("Allow access to your direct messages");
    }

    @Test
    void aPollWithAnAppPasswordThatLostDirectMessagesIsRefusedSoTheAdminSeesWhy() {
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog")).willReturn(json(400, NO_DM_ACCESS)));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.poll(account(), null));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("Allow access to your direct messages");
    }

    private void opensConversation(String answer) {
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvoForMembers"))
                .withHeader("atproto-proxy", equalTo(PROXY))
                .willReturn(json(200, answer)));
    }

    private void sends() {
        pds.stubFor(post(urlEqualTo("/xrpc/chat.bsky.convo.sendMessage")).willReturn(json(200, fixture("sent.json"))));
    }

    private static OutboundMessage privately(String text) {
        return new OutboundMessage(
                "bluesky", BRAND, "heard-message-" + text.hashCode(), 1, text, Visibility.PRIVATE, null, MARIA);
    }

    private ChannelAccount account() {
        return BlueskyNetwork.account(pds.baseUrl());
    }

    private String page() {
        return read("/fixtures/bluesky/message.json");
    }

    private String fixture(String name) {
        return read("/fixtures/bluesky/chat/" + name);
    }

    private String read(String path) {
        try (var in = getClass().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
