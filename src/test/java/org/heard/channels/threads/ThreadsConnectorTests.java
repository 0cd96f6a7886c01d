package org.heard.channels.threads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.threads.ThreadsConnectorContractTests.NOW;
import static org.heard.channels.threads.ThreadsConnectorContractTests.TOKEN;
import static org.heard.channels.threads.ThreadsConnectorContractTests.USER_ID;
import static org.heard.channels.threads.ThreadsConnectorContractTests.threadsAccount;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.heard.channels.AccountSetup;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.InboundDelivery;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreadsConnectorTests {

    private static final String POST = "18041127730512984";
    private static final String OLDER_POST = "18039980012345678";
    private static final String CUSTOMER_REPLY = "18063490117725530";
    private static final String CREATION_ID = "17889615691921648";

    private final WireMockServer threads =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private ThreadsConnector connector;

    @BeforeEach
    void start() {
        threads.start();
        connector = ThreadsConnectorContractTests.threads(threads.baseUrl());
    }

    @AfterEach
    void stop() {
        threads.stop();
    }

    @Test
    void aPollReadsMentionsAndRepliesUnderRecentPostsSinceTheCursorLeavingOutTheBrandsOwn() throws SendFailed {
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + USER_ID + "/mentions"))
                .withQueryParam("since", equalTo("1784199000"))
                .willReturn(okJson(page(media(
                        "18063471209356124",
                        "marta.kowalska",
                        "@heardshop where is 4471?",
                        "2026-07-16T11:30:31+0000",
                        null,
                        false)))));
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + USER_ID + "/threads"))
                .withQueryParam("limit", equalTo("2"))
                .willReturn(okJson("{\"data\":[{\"id\":\"" + POST + "\",\"timestamp\":\"2026-07-14T09:02:11+0000\"},"
                        + "{\"id\":\"" + OLDER_POST + "\",\"timestamp\":\"2026-07-01T08:00:00+0000\"}]}")));
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + POST + "/conversation"))
                .withQueryParam("reverse", equalTo("true"))
                .willReturn(okJson(page(
                        media(
                                "18063502288810457",
                                "heardshop",
                                "Sorry Jonas, fixing it",
                                "2026-07-16T12:40:00+0000",
                                CUSTOMER_REPLY,
                                true),
                        media(
                                CUSTOMER_REPLY,
                                "jonas.berg",
                                "The tracking link gives me a 404",
                                "2026-07-16T12:31:49+0000",
                                POST,
                                false),
                        media(
                                "18063300000000001",
                                "old.friend",
                                "Nice post",
                                "2026-07-15T08:00:00+0000",
                                POST,
                                false)))));
        threads.stubFor(
                get(urlPathEqualTo("/v1.0/" + OLDER_POST + "/conversation")).willReturn(okJson("{\"data\":[]}")));

        var poll = connector.poll(threadsAccount(), "1784199000");

        assertThat(poll.deliveries())
                .extracting(InboundDelivery::externalId)
                .containsExactly("18063471209356124", CUSTOMER_REPLY);
        assertThat(poll.deliveries()).extracting(InboundDelivery::account).containsOnly(USER_ID);
        assertThat(poll.cursor())
                .isEqualTo(Long.toString(
                        java.time.Instant.parse("2026-07-16T12:40:00Z").getEpochSecond()));
        assertThat(poll.next()).isEqualTo(Duration.ofSeconds(60));
        var reply = connector.normalise(poll.deliveries().get(1));
        assertThat(reply.author().handle()).isEqualTo("jonas.berg");
        assertThat(reply.inReplyTo()).isEqualTo(POST);
        assertThat(reply.visibility()).isEqualTo(Visibility.PUBLIC);
        threads.verify(getRequestedFor(urlPathEqualTo("/v1.0/" + USER_ID + "/mentions"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void theFirstPollLooksBackADayAndALimitedPollWaitsAsThreadsAsks() {
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + USER_ID + "/mentions"))
                .withQueryParam(
                        "since",
                        equalTo(Long.toString(NOW.minus(Duration.ofHours(24)).getEpochSecond())))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "300")
                        .withBody("{\"error\":{\"message\":\"Application request limit reached\","
                                + "\"type\":\"OAuthException\",\"code\":4,\"fbtrace_id\":\"AHx0\"}}")));

        var limited = catchThrowableOfType(SendFailed.class, () -> connector.poll(threadsAccount(), null));

        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aReplyAnEarlierAttemptPublishedIsNotPostedAgain() throws SendFailed {
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + CUSTOMER_REPLY + "/replies"))
                .willReturn(okJson("{\"data\":[{\"id\":\"18063502288810457\",\"text\":\"Sorry Jonas, fixing it\","
                        + "\"is_reply_owned_by_me\":true}]}")));

        var id = connector.send(reply("Sorry Jonas, fixing it"), threadsAccount());

        assertThat(id).isEqualTo("18063502288810457");
        threads.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/" + USER_ID + "/threads")));
    }

    @Test
    void whenThePublishAnswerIsLostThePublishedContainerGivesTheReplyOnce() throws SendFailed {
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + CUSTOMER_REPLY + "/replies"))
                .inScenario("publish")
                .whenScenarioStateIs("Started")
                .willReturn(okJson("{\"data\":[]}")));
        threads.stubFor(post(urlEqualTo("/v1.0/" + USER_ID + "/threads"))
                .willReturn(okJson("{\"id\":\"" + CREATION_ID + "\"}")));
        threads.stubFor(post(urlEqualTo("/v1.0/" + USER_ID + "/threads_publish"))
                .inScenario("publish")
                .whenScenarioStateIs("Started")
                .willSetStateTo("published")
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + CREATION_ID))
                .willReturn(okJson("{\"status\":\"PUBLISHED\",\"id\":\"" + CREATION_ID + "\"}")));
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + CUSTOMER_REPLY + "/replies"))
                .inScenario("publish")
                .whenScenarioStateIs("published")
                .willReturn(okJson("{\"data\":[{\"id\":\"18063502288810457\",\"text\":\"Sorry Jonas, fixing it\","
                        + "\"is_reply_owned_by_me\":true}]}")));

        assertThat(connector.send(reply("Sorry Jonas, fixing it"), threadsAccount()))
                .isEqualTo("18063502288810457");
        threads.verify(1, postRequestedFor(urlEqualTo("/v1.0/" + USER_ID + "/threads_publish")));
    }

    @Test
    void aRefusedPublishWithTheRepliesQuotaUsedUpIsTriedAgainInAnHour() {
        threads.stubFor(
                get(urlPathEqualTo("/v1.0/" + CUSTOMER_REPLY + "/replies")).willReturn(okJson("{\"data\":[]}")));
        threads.stubFor(post(urlEqualTo("/v1.0/" + USER_ID + "/threads"))
                .willReturn(okJson("{\"id\":\"" + CREATION_ID + "\"}")));
        threads.stubFor(post(urlEqualTo("/v1.0/" + USER_ID + "/threads_publish"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"The user has reached the posting limit\","
                                + "\"type\":\"THApiException\",\"code\":100,\"fbtrace_id\":\"AHx1\"}}")));
        threads.stubFor(get(urlPathEqualTo("/v1.0/" + USER_ID + "/threads_publishing_limit"))
                .willReturn(okJson("{\"data\":[{\"reply_quota_usage\":1000,"
                        + "\"reply_config\":{\"quota_total\":1000,\"quota_duration\":86400}}]}")));

        var failure = catchThrowableOfType(
                SendFailed.class, () -> connector.send(reply("Sorry Jonas, fixing it"), threadsAccount()));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(failure.getMessage()).contains("1,000 Threads replies");
    }

    @Test
    void aReplyLongerThanThreadsCountsIsRefusedBeforeAnythingIsSent() {
        var text = "a".repeat(497) + "\uD83D\uDE00"; // 497 + an emoji of 4 UTF-8 bytes = 501

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(reply(text), threadsAccount()));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("500 characters").contains("501");
        assertThat(threads.getAllServeEvents()).isEmpty();
    }

    @Test
    void hidesAReplyAndShowsItAgain() throws SendFailed {
        threads.stubFor(
                post(urlEqualTo("/v1.0/" + CUSTOMER_REPLY + "/manage_reply")).willReturn(okJson("{\"success\":true}")));

        assertThat(connector.moderations())
                .containsExactlyInAnyOrder(org.heard.channels.Moderation.HIDE, org.heard.channels.Moderation.UNHIDE);
        connector.moderate(threadsAccount(), CUSTOMER_REPLY, org.heard.channels.Moderation.HIDE);
        connector.moderate(threadsAccount(), CUSTOMER_REPLY, org.heard.channels.Moderation.UNHIDE);

        threads.verify(postRequestedFor(urlEqualTo("/v1.0/" + CUSTOMER_REPLY + "/manage_reply"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalTo("hide=true")));
        threads.verify(postRequestedFor(urlEqualTo("/v1.0/" + CUSTOMER_REPLY + "/manage_reply"))
                .withRequestBody(equalTo("hide=false")));
    }

    @Test
    void hidingAReplyThreadsRefusesSaysWhy() {
        threads.stubFor(post(urlEqualTo("/v1.0/" + CUSTOMER_REPLY + "/manage_reply"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Unsupported post request.\",\"type\":\"THApiException\","
                                + "\"code\":100,\"fbtrace_id\":\"AHx2\"}}")));

        var failure =
                catchThrowableOfType(SendFailed.class, () -> connector.hide(CUSTOMER_REPLY, true, threadsAccount()));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("hiding the reply").contains("Unsupported post request.");
    }

    @Test
    void connectingNamesTheProfile() {
        threads.stubFor(get(urlPathEqualTo("/v1.0/me"))
                .withQueryParam("fields", equalTo("id,username,name"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"id\":\"" + USER_ID + "\",\"username\":\"heardshop\",\"name\":\"Heard Shop\"}")));

        var account = connector.connect(setup());

        assertThat(account.externalId()).isEqualTo(USER_ID);
        assertThat(account.name()).isEqualTo("@heardshop");
    }

    @Test
    void connectingWithATokenThreadsRefusesGivesMetasReasonAndNeverTheToken() {
        threads.stubFor(get(urlPathEqualTo("/v1.0/me"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired.\","
                                + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,"
                                + "\"fbtrace_id\":\"AHx3\"}}")));

        var failure = catchThrowableOfType(ConnectionFailed.class, () -> connector.connect(setup()));

        assertThat(failure.getMessage()).contains("Error validating access token: Session has expired.");
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void theBrandsOwnReplyAndAnotherProfilesMentionAreLeftOut() {
        var own = """
                {"app_id":"1092387465019283","topic":"moderate","target_id":"%s","time":1784205112,
                 "subscription_id":"8823401766610042","has_uid_field":false,
                 "values":{"value":{"id":"18063502288810457","username":"heardshop","text":"On it!",
                 "media_type":"TEXT_POST","replied_to":{"id":"%s"},
                 "root_post":{"id":"%s","owner_id":"%s","username":"heardshop"},
                 "timestamp":"2026-07-16T12:40:00+0000"},"field":"replies"}}""".formatted(POST, CUSTOMER_REPLY, POST, USER_ID);
        var elsewhere = """
                {"app_id":"1092387465019283","topic":"interaction","target_id":"99990000111122223",
                 "time":1784201437,"subscription_id":"8823401766610099","has_uid_field":false,
                 "values":{"value":{"id":"18063471209350000","username":"marta.kowalska","text":"@othershop hi",
                 "media_type":"TEXT_POST","timestamp":"2026-07-16T11:30:31+0000"},"field":"mentions"}}""";

        assertThat(read(own)).isEmpty();
        assertThat(read(elsewhere)).isEmpty();
    }

    @Test
    void threadsCountsEmojiAsTheirUtf8Bytes() {
        assertThat(ThreadsText.length("Ça va? 123 #1")).isEqualTo(13);
        assertThat(ThreadsText.length("\uD83D\uDE00")).isEqualTo(4);
        assertThat(ThreadsText.length("\u2764\uFE0F")).isEqualTo(6);
        assertThat(ThreadsText.length("\uD83C\uDDF5\uD83C\uDDF1")).isEqualTo(8);
        assertThat(ThreadsText.length("日本語")).isEqualTo(3);
    }

    private java.util.List<InboundDelivery> read(String body) {
        var request = ThreadsConnectorContractTests.signedFor(threadsAccount(), body.getBytes(StandardCharsets.UTF_8));
        connector.verify(request);
        return connector.read(request);
    }

    private static AccountSetup setup() {
        return new AccountSetup(
                Credentials.of(Map.of("access_token", TOKEN)), "https://care.example.com/hooks/threads/k", "v");
    }

    private static OutboundMessage reply(String text) {
        return new OutboundMessage("threads", USER_ID, "reply-1", 7, text, Visibility.PUBLIC, CUSTOMER_REPLY, null);
    }

    private static String page(String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"paging\":{\"cursors\":{\"before\":\"QVFIUk\","
                + "\"after\":\"QVFIUl\"}}}";
    }

    private static String media(
            String id, String username, String text, String timestamp, String repliedTo, boolean mine) {
        return """
                {"id":"%s","text":"%s","username":"%s","timestamp":"%s","media_type":"TEXT_POST",
                 "permalink":"https://www.threads.net/@%s/post/DMq5aBcD2eF",%s"is_reply":%s,
                 "is_reply_owned_by_me":%s,"hide_status":"NOT_HUSHED"}""".formatted(
                        id,
                        text,
                        username,
                        timestamp,
                        username,
                        repliedTo == null ? "" : "\"replied_to\":{\"id\":\"" + repliedTo + "\"},",
                        repliedTo != null,
                        mine);
    }
}
