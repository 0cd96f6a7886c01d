package org.heard.channels.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.NOW;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.TOKEN;
import static org.heard.channels.mastodon.MastodonConnectorContractTests.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MastodonConnectorTests {

    private final WireMockServer mastodon =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private MastodonConnector connector;

    @BeforeEach
    void start() {
        mastodon.start();
        connector = new MastodonConnector(
                HttpClient.newHttpClient(),
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        mastodon.stop();
    }

    @Test
    void connectingNamesTheAccountByItsIdAndAcct() {
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(json(200, MastodonFixtures.account("14715", "heardbrand"))));

        var connected = connector.connect(new AccountSetup(credentials(), "unused", "unused"));

        assertThat(connected.externalId()).isEqualTo("14715");
        assertThat(connected.name()).isEqualTo("@heardbrand");
    }

    @Test
    void connectingWithARevokedTokenShowsMastodonsReasonAndNotTheToken() {
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .willReturn(json(401, "{\"error\":\"The access token is invalid\"}")));

        assertThatThrownBy(() -> connector.connect(new AccountSetup(credentials(), "unused", "unused")))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("The access token is invalid")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void firstPollTakesTheLatestMentionsAndRemembersTheNewestNotification() throws Exception {
        notifications(fixture("message.json"), "299", "2026-11-23T08:05:00Z");

        var poll = connector.poll(account(), null);

        assertThat(poll.deliveries()).extracting(d -> d.externalId()).containsExactly("34975861");
        assertThat(poll.cursor()).isEqualTo("34975861");
        assertThat(poll.next()).isEqualTo(Duration.ofSeconds(20));
        mastodon.verify(getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
                .withQueryParam("types[]", equalTo("mention"))
                .withQueryParam("min_id", absent()));
    }

    @Test
    void laterPollsPageForwardFromTheCursorAndMovePastNotificationsThatAreNotMentions() throws Exception {
        notifications(fixture("unknown-event.json"), "299", "2026-11-23T08:05:00Z");

        var poll = connector.poll(account(), "34975000");

        assertThat(poll.deliveries()).isEmpty();
        assertThat(poll.cursor()).isEqualTo("34975535");
        mastodon.verify(
                getRequestedFor(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", equalTo("34975000")));
    }

    @Test
    void anEmptyPageKeepsTheCursor() throws Exception {
        notifications("[]".getBytes(), "299", "2026-11-23T08:05:00Z");

        assertThat(connector.poll(account(), "34975861").cursor()).isEqualTo("34975861");
    }

    @Test
    void pollsAgainOnlyWhenTheRateLimitWindowResetsOnceFewCallsAreLeft() throws Exception {
        notifications("[]".getBytes(), "12", "2026-11-23T08:02:30.000Z");

        assertThat(connector.poll(account(), "1").next()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aRateLimitedPollWaitsUntilTheReset() {
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                .willReturn(json(429, "{\"error\":\"Too many requests\"}")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "2026-11-23T08:04:00Z")));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.poll(account(), "1"));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void aPollWithARevokedTokenIsRefused() {
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                .willReturn(json(401, "{\"error\":\"The access token was revoked\"}")));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.poll(account(), "1"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("The access token was revoked");
    }

    @Test
    void readsMentionsLinksAndEntitiesOutOfTheStatusHtml() throws Exception {
        notifications(fixture("mention-with-link.json"), "299", "2026-11-23T08:05:00Z");

        var message =
                connector.normalise(connector.poll(account(), null).deliveries().getFirst());

        assertThat(message.text())
                .isEqualTo("@heardbrand my order #4471 is late & nobody answers <3 days>\n\n"
                        + "Tracking: https://parcels.example/track/4471-ABCDEFGHIJKLMNOP");
        assertThat(message.author().handle()).isEqualTo("maria_g@mastodon.example");
        assertThat(message.author().followers()).isEqualTo(12L);
        assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void aDirectMentionIsPrivateAndAnUnlistedOneIsPublic() throws Exception {
        var direct =
                new String(fixture("message.json")).replace("\"visibility\": \"public\"", "\"visibility\": \"direct\"");
        notifications(direct.getBytes(), "299", "2026-11-23T08:05:00Z");
        assertThat(connector
                        .normalise(connector.poll(account(), null).deliveries().getFirst())
                        .visibility())
                .isEqualTo(Visibility.PRIVATE);

        var unlisted = new String(fixture("message.json"))
                .replace("\"visibility\": \"public\"", "\"visibility\": \"unlisted\"");
        notifications(unlisted.getBytes(), "299", "2026-11-23T08:05:00Z");
        assertThat(connector
                        .normalise(connector.poll(account(), null).deliveries().getFirst())
                        .visibility())
                .isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void aReplyToADirectMentionStaysDirectAndAddressesTheCustomer() throws SendFailed {
        answered("555", "direct", "maria_g@mastodon.example");

        connector.send(reply("555", Visibility.PRIVATE, "971724", "We sent a new parcel."), account());

        mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withFormParam("visibility", equalTo("direct"))
                .withFormParam("in_reply_to_id", equalTo("555"))
                .withFormParam("status", equalTo("@maria_g@mastodon.example We sent a new parcel.")));
    }

    @Test
    void aReplyToAnUnlistedPostIsUnlistedAndDoesNotRepeatAnAddressTheAgentWrote() throws SendFailed {
        answered("556", "unlisted", "maria_g@mastodon.example");

        connector.send(reply("556", Visibility.PUBLIC, null, "Thanks @Maria_G@mastodon.example, fixed."), account());

        mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withFormParam("visibility", equalTo("unlisted"))
                .withFormParam("status", equalTo("Thanks @Maria_G@mastodon.example, fixed.")));
    }

    @Test
    void aPrivateMessageWithoutAThreadIsADirectStatusToThePerson() throws SendFailed {
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/971724"))
                .willReturn(json(200, MastodonFixtures.account("971724", "maria_g@mastodon.example"))));
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses"))
                .willReturn(json(200, MastodonFixtures.status("900", "direct", "heardbrand"))));

        assertThat(connector.send(reply(null, Visibility.PRIVATE, "971724", "Hello"), account()))
                .isEqualTo("900");

        mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withFormParam("visibility", equalTo("direct"))
                .withFormParam("status", equalTo("@maria_g@mastodon.example Hello")));
    }

    @Test
    void aReplyToAStatusThatIsGoneIsRefusedWithMastodonsReason() {
        mastodon.stubFor(
                get(urlEqualTo("/api/v1/statuses/557")).willReturn(json(404, "{\"error\":\"Record not found\"}")));

        var failure = catchThrowableOfType(
                SendFailed.class, () -> connector.send(reply("557", Visibility.PUBLIC, null, "Hi"), account()));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("Record not found");
    }

    private void answered(String id, String visibility, String acct) {
        mastodon.stubFor(get(urlEqualTo("/api/v1/statuses/" + id))
                .willReturn(json(200, MastodonFixtures.status(id, visibility, acct))));
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses"))
                .willReturn(json(200, MastodonFixtures.status("900", visibility, "heardbrand"))));
    }

    private void notifications(byte[] page, String remaining, String reset) {
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", remaining)
                        .withHeader("X-RateLimit-Reset", reset)
                        .withBody(page)));
    }

    private static OutboundMessage reply(String inReplyTo, Visibility visibility, String recipient, String text) {
        return new OutboundMessage(
                "mastodon", "14715", "key-" + text.hashCode(), 1, text, visibility, inReplyTo, recipient);
    }

    private Credentials credentials() {
        return Credentials.of(Map.of(MastodonApi.INSTANCE_URL, mastodon.baseUrl(), MastodonApi.ACCESS_TOKEN, TOKEN));
    }

    private ChannelAccount account() {
        return new ChannelAccount(7, "mastodon", "k7", "14715", "@heardbrand", null, credentials());
    }

    private byte[] fixture(String name) throws IOException {
        try (var in = getClass().getResourceAsStream("/fixtures/mastodon/" + name)) {
            return in.readAllBytes();
        }
    }
}
