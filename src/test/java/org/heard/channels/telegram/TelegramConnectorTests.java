package org.heard.channels.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.telegram.TelegramConnectorContractTests.TOKEN;
import static org.heard.channels.telegram.TelegramConnectorContractTests.VERIFY_TOKEN;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What Telegram does that the shared contract does not cover: groups, connecting, its ids and limits. */
class TelegramConnectorTests {

    private static final String GROUP = "-1001862254710";
    private static final String WEBHOOK = "https://heard.example.com/hooks/telegram/x9Fq2LmW";
    private static final String BOT = "/bot" + TOKEN;

    private WireMockServer telegram;
    private TelegramConnector connector;

    @BeforeEach
    void startTelegram() {
        telegram = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        telegram.start();
        var json = JsonMapper.builder().build();
        connector = new TelegramConnector(json, new TelegramApi(json, telegram.baseUrl()));
    }

    @AfterEach
    void stopTelegram() {
        telegram.stop();
    }

    @Test
    void aGroupMessageThatMentionsTheBotIsAPublicMessage() throws IOException {
        var message = only("group-mention.json");

        assertThat(message.externalId()).isEqualTo(GROUP + ":5521");
        assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(message.text()).isEqualTo("📦 @heard_support_bot my parcel arrived crushed");
        assertThat(message.author().externalId()).isEqualTo("5127340981");
        assertThat(message.author().handle()).isEqualTo("@maria_g");
        assertThat(message.author().displayName()).isEqualTo("María García");
        assertThat(message.author().followers()).isNull();
    }

    @Test
    void groupChatterThatDoesNotSpeakToTheBotIsAcknowledgedAndLeftAlone() throws IOException {
        assertThat(deliveries("group-chatter.json")).isEmpty();
        assertThat(deliveries("group-command-for-another-bot.json")).isEmpty();
    }

    @Test
    void aCommandNamingTheBotATextMentionAndAnAnswerToTheBotSpeakToIt() throws IOException {
        assertThat(only("group-command.json").text()).isEqualTo("/status@heard_support_bot 4471");
        assertThat(only("group-text-mention.json").externalId()).isEqualTo(GROUP + ":5525");

        var answer = only("group-reply-to-bot.json");
        assertThat(answer.inReplyTo()).isEqualTo(GROUP + ":5528");
        assertThat(answer.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void aPhotosCaptionIsItsTextAndAPhotoWithoutOneSaysWhatItIs() throws IOException {
        assertThat(only("group-photo-caption.json").text()).isEqualTo("@heard_support_bot this is how it arrived");

        var photo = only("photo.json");
        assertThat(photo.text()).isEqualTo("[photo]");
        assertThat(photo.visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void channelPostsAndEditsAreAcknowledgedAndLeftAlone() throws IOException {
        assertThat(deliveries("channel-post.json")).isEmpty();
        assertThat(deliveries("edited-message.json")).isEmpty();
    }

    @Test
    void theSecretTokenMustBeTheAccountsOwn() throws IOException {
        var body = fixture("message.json");
        var account = TelegramConnectorContractTests.account(VERIFY_TOKEN);

        assertThatThrownBy(() -> connector.verify(new WebhookRequest(Map.of(), Map.of(), body, account)))
                .isInstanceOf(WebhookRejected.class);
        var unset = TelegramConnectorContractTests.account(null);
        assertThatThrownBy(() -> connector.verify(signed(body, unset, "anything")))
                .isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> connector.verify(new WebhookRequest(
                        Map.of("x-telegram-bot-api-secret-token", List.of(VERIFY_TOKEN)), Map.of(), body)))
                .as("a webhook must come in on an account's own URL")
                .isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aVerifyTokenTelegramWouldNotTakeIsTurnedIntoOneItDoesTheSameWayEachTime() throws IOException {
        var verifyToken = "c2VjcmV0+/with=chars Telegram refuses";
        var secret = TelegramSecretToken.from(verifyToken);

        assertThat(secret).matches("[A-Za-z0-9_-]{1,256}").isEqualTo(TelegramSecretToken.from(verifyToken));
        var account = TelegramConnectorContractTests.account(verifyToken);
        var body = fixture("message.json");
        connector.verify(signed(body, account, secret));
        assertThatThrownBy(() -> connector.verify(signed(body, account, verifyToken)))
                .isInstanceOf(WebhookRejected.class);
    }

    @Test
    void connectingAsksWhoTheBotIsAndSetsTheWebhookWithItsSecret() {
        telegram.stubFor(post(urlEqualTo(BOT + "/getMe")).willReturn(okJson("""
                {"ok":true,"result":{"id":7301925544,"is_bot":true,"first_name":"Heard Support",
                 "username":"heard_support_bot","can_join_groups":true,"can_read_all_group_messages":false,
                 "supports_inline_queries":false,"can_connect_to_business":false,"has_main_web_app":false}}""")));
        telegram.stubFor(post(urlEqualTo(BOT + "/setWebhook"))
                .willReturn(okJson("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));

        var connected = connector.connect(setup(TOKEN, VERIFY_TOKEN));

        assertThat(connected.externalId()).isEqualTo("7301925544");
        assertThat(connected.name()).isEqualTo("@heard_support_bot");
        telegram.verify(postRequestedFor(urlEqualTo(BOT + "/setWebhook"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"url":"%s","secret_token":"%s","allowed_updates":["message"]}""".formatted(WEBHOOK, VERIFY_TOKEN))));
    }

    @Test
    void aTokenTelegramRefusesFailsTheConnectionWithTelegramsReasonAndNeverTheToken() {
        telegram.stubFor(post(urlEqualTo(BOT + "/getMe"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

        var failure = catchThrowableOfType(ConnectionFailed.class, () -> connector.connect(setup(TOKEN, VERIFY_TOKEN)));

        assertThat(failure).hasMessageContaining("Unauthorized");
        assertThat(everything(failure)).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(TOKEN.indexOf(':')));
        telegram.verify(0, postRequestedFor(urlEqualTo(BOT + "/setWebhook")));
    }

    @Test
    void aWebhookAddressTelegramRefusesFailsTheConnectionWithTelegramsReason() {
        telegram.stubFor(post(urlEqualTo(BOT + "/getMe"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"id\":7301925544,\"is_bot\":true,"
                        + "\"first_name\":\"Heard Support\",\"username\":\"heard_support_bot\"}}")));
        telegram.stubFor(
                post(urlEqualTo(BOT + "/setWebhook"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"ok\":false,\"error_code\":400,"
                                                        + "\"description\":\"Bad Request: bad webhook: An HTTPS URL must be provided for webhook\"}")));

        assertThatThrownBy(() -> connector.connect(setup(TOKEN, VERIFY_TOKEN)))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    }

    @Test
    void noTokenReachesAnErrorWhenTelegramCannotBeReachedOrTheTokenIsMistyped() {
        telegram.stubFor(
                post(urlEqualTo(BOT + "/getMe")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        var unreachable =
                catchThrowableOfType(ConnectionFailed.class, () -> connector.connect(setup(TOKEN, VERIFY_TOKEN)));
        assertThat(unreachable).hasMessageContaining("could not be reached");
        assertThat(everything(unreachable)).doesNotContain(TOKEN.substring(TOKEN.indexOf(':')));

        var mistyped = "7301925544 AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
        var refused =
                catchThrowableOfType(ConnectionFailed.class, () -> connector.connect(setup(mistyped, VERIFY_TOKEN)));
        assertThat(everything(refused)).doesNotContain("AAHfiqksKZ8WmR2zSjiQ7");
        assertThat(telegram.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aSendThatNeverReachesTelegramIsTriedAgainLaterWithoutTheToken() {
        telegram.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(privateReply(), account()));

        assertThat(failure.retryable()).isTrue();
        assertThat(everything(failure)).doesNotContain(TOKEN.substring(TOKEN.indexOf(':')));
    }

    @Test
    void aReplyTooLongForTelegramIsRefusedWithItsReason() {
        telegram.stubFor(
                post(urlEqualTo(BOT + "/sendMessage"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is too long\"}")));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(privateReply(), account()));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("Bad Request: message is too long");
    }

    @Test
    void aPublicReplyGoesToTheGroupThreadedUnderTheCustomersMessage() throws SendFailed {
        telegram.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(okJson(sent(GROUP, 5532))));
        var reply = new OutboundMessage(
                "telegram",
                "7301925544",
                "reply-9",
                9,
                "We have sent a new one",
                Visibility.PUBLIC,
                GROUP + ":5521",
                null);

        assertThat(connector.send(reply, account())).isEqualTo(GROUP + ":5532");
        telegram.verify(
                postRequestedFor(urlEqualTo(BOT + "/sendMessage")).withRequestBody(equalToJson("""
                        {"chat_id":%s,"text":"We have sent a new one",
                         "reply_parameters":{"message_id":5521,"allow_sending_without_reply":true}}""".formatted(GROUP))));
    }

    @Test
    void aPrivateAnswerToAGroupMessageGoesToTheCustomersChatWithTheBotUnthreaded() throws SendFailed {
        telegram.stubFor(post(urlEqualTo(BOT + "/sendMessage")).willReturn(okJson(sent("5127340981", 1192))));
        var reply = new OutboundMessage(
                "telegram",
                "7301925544",
                "reply-10",
                10,
                "Could you send your address?",
                Visibility.PRIVATE,
                GROUP + ":5521",
                "5127340981");

        assertThat(connector.send(reply, account())).isEqualTo("5127340981:1192");
        telegram.verify(postRequestedFor(urlEqualTo(BOT + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo("5127340981")))
                .withRequestBody(matchingJsonPath("$.reply_parameters", absent())));
    }

    @Test
    void aPublicReplyWithoutTheMessageItAnswersIsRefusedBeforeTelegramIsAsked() {
        var reply =
                new OutboundMessage("telegram", "7301925544", "reply-11", 11, "Hello", Visibility.PUBLIC, null, null);

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(reply, account()));

        assertThat(failure.retryable()).isFalse();
        assertThat(telegram.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRateLimitWithoutRetryAfterInTheBodyHonoursTheHeader() {
        telegram.stubFor(post(urlEqualTo(BOT + "/sendMessage"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "12")
                        .withBody("Too Many Requests")));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(privateReply(), account()));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void telegramCountsCodePointsUpTo4096() {
        var rules = connector.rules();

        assertThat(rules.maxLength()).isEqualTo(4096);
        assertThat(rules.length("😀".repeat(4096))).isEqualTo(4096);
        assertThat(rules.privateReplyToPublicPost()).isTrue();
    }

    private static String sent(String chat, long id) {
        return """
                {"ok":true,"result":{"message_id":%d,"from":{"id":7301925544,"is_bot":true,
                 "first_name":"Heard Support","username":"heard_support_bot"},
                 "chat":{"id":%s,"type":"supergroup","title":"Heard Customers"},"date":1795452700,"text":"ok"}}""".formatted(id, chat);
    }

    private static OutboundMessage privateReply() {
        return new OutboundMessage(
                "telegram",
                "7301925544",
                "reply-1",
                1,
                "On its way",
                Visibility.PRIVATE,
                "5127340981:1187",
                "5127340981");
    }

    private static ChannelAccount account() {
        return TelegramConnectorContractTests.account(VERIFY_TOKEN);
    }

    private static AccountSetup setup(String token, String verifyToken) {
        return new AccountSetup(Credentials.of(Map.of(TelegramConnector.TOKEN, token)), WEBHOOK, verifyToken);
    }

    private InboundMessage only(String fixture) throws IOException {
        var deliveries = deliveries(fixture);
        assertThat(deliveries).hasSize(1);
        return connector.normalise(deliveries.getFirst());
    }

    private List<InboundDelivery> deliveries(String fixture) throws IOException {
        var request = signed(fixture(fixture), account(), VERIFY_TOKEN);
        connector.verify(request);
        return connector.read(request);
    }

    private static WebhookRequest signed(byte[] body, ChannelAccount account, String secret) {
        return new WebhookRequest(Map.of("x-telegram-bot-api-secret-token", List.of(secret)), Map.of(), body, account);
    }

    private static byte[] fixture(String name) throws IOException {
        try (var in = TelegramConnectorTests.class.getResourceAsStream("/fixtures/telegram/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The exception as a log line would show it: messages and causes, the whole trace. */
    private static String everything(Throwable failure) {
        var text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
