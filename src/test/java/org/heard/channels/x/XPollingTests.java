package org.heard.channels.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.x.XConnectorContractTests.BRAND;
import static org.heard.channels.x.XConnectorContractTests.NOW;
import static org.heard.channels.x.XConnectorContractTests.TOKEN;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.InboundDelivery;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Polling X on the plans without Account Activity: mentions, recent search and Direct Messages. */
class XPollingTests {

    private static final String MENTIONS = "/2/users/" + BRAND + "/mentions";
    private static final String SEARCH = "/2/tweets/search/recent";
    private static final String MESSAGES = "/2/dm_events";

    private final JsonMapper json = JsonMapper.builder().build();
    private WireMockServer x;
    private XConnector connector;

    @BeforeEach
    void startX() {
        x = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        x.start();
        connector = new XConnector(
                json,
                new XSettings(URI.create(x.baseUrl()), 10_000, Duration.ofMinutes(1), 5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopX() {
        x.stop();
    }

    @Test
    void theFirstPollReadsOnePageOfEachSourceAndLeavesOutTheBrandsOwnPosts() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS))
                .withQueryParam("since_id", absent())
                .willReturn(page("mentions-page-1.json")));
        x.stubFor(get(urlPathEqualTo(SEARCH))
                .withQueryParam("query", equalTo("(Heard OR \"heard app\") -is:retweet"))
                .willReturn(page("search-page.json")));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("dm-events-page.json")));

        var poll = connector.poll(account("Heard, heard app"), null);

        assertThat(ids(poll))
                .containsExactly(
                        "post-1862600000000000280",
                        "post-1862600000000000300",
                        "post-1862600000000000310",
                        "dm-1862600000000000400",
                        "dm-1862600000000000410");
        assertThat(poll.deliveries()).allMatch(d -> d.account().equals(BRAND));
        assertThat(x.findAll(getRequestedFor(urlPathEqualTo(MENTIONS)))).hasSize(1);
        assertThat(x.findAll(getRequestedFor(urlPathEqualTo(MESSAGES)))).hasSize(1);
        x.verify(getRequestedFor(urlPathEqualTo(MENTIONS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("expansions", equalTo("author_id,referenced_tweets.id"))
                .withQueryParam("max_results", equalTo("100")));
        x.verify(getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("event_types", equalTo("MessageCreate")));

        var cursor = json.readValue(poll.cursor(), XCursor.class);
        assertThat(cursor.mentions()).isEqualTo("1862600000000000300");
        assertThat(cursor.search()).isEqualTo("1862600000000000310");
        assertThat(cursor.messages()).isEqualTo("1862600000000000420");
        assertThat(cursor.read()).isEqualTo(8);
    }

    @Test
    void polledPostsAndMessagesReadAsTheWebhookOnesDo() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(page("mentions-page-1.json")));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("dm-events-page.json")));

        var deliveries = connector.poll(account(null), null).deliveries();
        var quote = connector.normalise(find(deliveries, "post-1862600000000000280"));
        var mention = connector.normalise(find(deliveries, "post-1862600000000000300"));
        var message = connector.normalise(find(deliveries, "dm-1862600000000000410"));

        assertThat(quote.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(quote.inReplyTo())
                .as("a quote post answers the post it quotes")
                .isEqualTo("1862600000000000100");
        assertThat(quote.author().handle()).isEqualTo("kofi_m");
        assertThat(quote.author().followers()).isEqualTo(80412);
        assertThat(mention.text()).isEqualTo("@heardbrand the app logs me out every hour");
        assertThat(mention.inReplyTo()).isNull();
        assertThat(mention.sentAt()).isEqualTo(java.time.Instant.parse("2026-11-23T18:05:00Z"));
        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(message.author().externalId()).isEqualTo("6253282");
        assertThat(message.author().displayName()).isEqualTo("María García");
        assertThat(message.text()).isEqualTo("Order 4471, sent to Calle Feria 12");
    }

    @Test
    void laterPollsPassTheSinceIdOnFollowNextTokensAndStopAtTheLastMessageSeen() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS))
                .withQueryParam("since_id", equalTo("1862600000000000200"))
                .withQueryParam("pagination_token", absent())
                .willReturn(page("mentions-page-1.json")));
        x.stubFor(get(urlPathEqualTo(MENTIONS))
                .withQueryParam("since_id", equalTo("1862600000000000200"))
                .withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw4b0wf6gdyxkt8jnvmz3k4e3emsep"))
                .willReturn(page("mentions-page-2.json")));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("dm-events-page.json")));
        var cursor = new XCursor("1862600000000000200", null, "1862600000000000405", "2026-11", 40, 4).write(json);

        var poll = connector.poll(account(null), cursor);

        assertThat(ids(poll))
                .as("reposts and the brand's own posts and messages are left out")
                .containsExactly(
                        "post-1862600000000000250",
                        "post-1862600000000000280",
                        "post-1862600000000000300",
                        "dm-1862600000000000410");
        assertThat(x.findAll(getRequestedFor(urlPathEqualTo(MENTIONS)))).hasSize(2);
        assertThat(x.findAll(getRequestedFor(urlPathEqualTo(MESSAGES))))
                .as("the page that reached the last message seen is the last one read")
                .hasSize(1);
        assertThat(x.findAll(getRequestedFor(urlPathEqualTo(SEARCH))))
                .as("no brand terms, no search")
                .isEmpty();
        var next = json.readValue(poll.cursor(), XCursor.class);
        assertThat(next.mentions()).isEqualTo("1862600000000000300");
        assertThat(next.messages()).isEqualTo("1862600000000000420");
        assertThat(next.read()).isEqualTo(40 + 5 + 2);
        assertThat(next.polls()).isEqualTo(5);
    }

    @Test
    void aPollWithNothingNewKeepsItsPlace() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(page("empty-page.json")));
        x.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(page("empty-page.json")));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("empty-page.json")));
        var cursor = new XCursor("1862600000000000300", "1862600000000000310", "1862600000000000420", "2026-11", 8, 1);

        var poll = connector.poll(account("Heard"), cursor.write(json));

        assertThat(poll.deliveries()).isEmpty();
        assertThat(json.readValue(poll.cursor(), XCursor.class))
                .isEqualTo(new XCursor(
                        "1862600000000000300", "1862600000000000310", "1862600000000000420", "2026-11", 8, 2));
        x.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("since_id", equalTo("1862600000000000310")));
    }

    @Test
    void aLongPostIsReadFromItsNoteTweet() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("""
                        {"data":[{"id":"1862600000000000500","author_id":"6253282","created_at":"2026-11-23T18:12:00.000Z",
                          "text":"@heardbrand here is everything that went wrong with order 4471, from the start https://t.co/x1",
                          "note_tweet":{"text":"@heardbrand here is everything that went wrong with order 4471, from the start: paid on the 2nd, shipped on the 9th, lost on the 10th."},
                          "edit_history_tweet_ids":["1862600000000000500"]}],
                         "includes":{"users":[{"id":"6253282","name":"María García","username":"maria_g"}]},
                         "meta":{"result_count":1,"newest_id":"1862600000000000500","oldest_id":"1862600000000000500"}}""")));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("empty-page.json")));

        var post = connector.normalise(
                connector.poll(account(null), null).deliveries().getFirst());

        assertThat(post.text()).endsWith("paid on the 2nd, shipped on the 9th, lost on the 10th.");
    }

    @Test
    void theNextPollWaitsUntilTheRateLimitResetsWhenNoRequestIsLeft() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(page("empty-page.json", 0, 900)));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("empty-page.json", 14, 900)));

        assertThat(connector.poll(account(null), null).next()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void theNextPollSpreadsTheRequestsLeftOverTheRateLimitWindow() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(page("empty-page.json", 3, 900)));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("empty-page.json", 300, 900)));

        assertThat(connector.poll(account(null), null).next()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void theRestOfTheMonthsReadBudgetIsSpreadOverTheRestOfTheMonth() throws SendFailed {
        x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(page("empty-page.json")));
        x.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page("empty-page.json")));
        // 5,000 of 10,000 reads used in 499 polls (about 11 each, this one reading nothing): the 5,000
        // left last 454 more polls of that size in the 625,500 seconds until 1 December.
        var halfUsed = new XCursor("1", null, "2", "2026-11", 5_000, 499).write(json);
        var spent = new XCursor("1", null, "2", "2026-11", 10_000, 900).write(json);
        var lastMonth = new XCursor("1", null, "2", "2026-10", 10_000, 900).write(json);

        assertThat(connector.poll(account(null), halfUsed).next())
                .isEqualTo(Duration.ofSeconds(625_500).multipliedBy(10).dividedBy(5_000));
        assertThat(connector.poll(account(null), spent).next())
                .as("with the budget spent, Heard waits for the next month")
                .isEqualTo(Duration.ofSeconds(625_500));
        assertThat(connector.poll(account(null), lastMonth).next())
                .as("a new month brings a new budget")
                .isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void aRateLimitedPollFailsWithTheWaitUntilTheReset() {
        x.stubFor(
                get(urlPathEqualTo(MENTIONS))
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("x-rate-limit-limit", "10")
                                        .withHeader("x-rate-limit-remaining", "0")
                                        .withHeader(
                                                "x-rate-limit-reset",
                                                String.valueOf(
                                                        NOW.plusSeconds(420).getEpochSecond()))
                                        .withHeader("Content-Type", "application/json; charset=utf-8")
                                        .withBody(
                                                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.poll(account(null), null));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(420));
        assertThat(failure.getMessage()).doesNotContain(TOKEN).contains("/2/users/:id/mentions");
    }

    @Test
    void aRevokedTokenStopsPollingWithXsReason() {
        x.stubFor(
                get(urlPathEqualTo(MENTIONS))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.poll(account(null), null));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("Unauthorized").doesNotContain(TOKEN);
    }

    @Test
    void brandTermsBecomeOneRecentSearchQueryWithoutReposts() {
        assertThat(XPoller.searchQuery("Heard")).isEqualTo("Heard -is:retweet");
        assertThat(XPoller.searchQuery(" Heard , heard app,#heardcares, "))
                .isEqualTo("(Heard OR \"heard app\" OR #heardcares) -is:retweet");
        assertThat(XPoller.searchQuery(" , ")).isNull();
        assertThat(XPoller.searchQuery(null)).isNull();
    }

    private static ChannelAccount account(String brandTerms) {
        return brandTerms == null
                ? XConnectorContractTests.account(Map.of(XCredentials.ACCESS_TOKEN, TOKEN))
                : XConnectorContractTests.account(
                        Map.of(XCredentials.ACCESS_TOKEN, TOKEN, XCredentials.BRAND_TERMS, brandTerms));
    }

    private static ResponseDefinitionBuilder page(String fixture) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture(fixture));
    }

    private static ResponseDefinitionBuilder page(String fixture, int remaining, int secondsToReset) {
        return page(fixture)
                .withHeader("x-rate-limit-limit", "300")
                .withHeader("x-rate-limit-remaining", String.valueOf(remaining))
                .withHeader(
                        "x-rate-limit-reset",
                        String.valueOf(NOW.plusSeconds(secondsToReset).getEpochSecond()));
    }

    private static String fixture(String name) {
        try (var in = XPollingTests.class.getResourceAsStream("/fixtures/x/poll/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(Poll poll) {
        return poll.deliveries().stream().map(InboundDelivery::externalId).toList();
    }

    private static InboundDelivery find(List<InboundDelivery> deliveries, String id) {
        return deliveries.stream()
                .filter(d -> d.externalId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
