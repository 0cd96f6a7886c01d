package org.heard.channels.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.meta.WhatsAppConnectorContractTests.APP_SECRET;
import static org.heard.channels.meta.WhatsAppConnectorContractTests.PHONE_NUMBER_ID;
import static org.heard.channels.meta.WhatsAppConnectorContractTests.whatsAppAccount;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.heard.channels.AccountSetup;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.InboundDelivery;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WhatsAppConnectorTests {

    private final WireMockServer meta =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private WhatsAppConnector connector;

    @BeforeEach
    void start() {
        meta.start();
        connector = WhatsAppConnectorContractTests.whatsApp(meta.baseUrl());
    }

    @AfterEach
    void stop() {
        meta.stop();
    }

    @Test
    void aWebhookWithManyMessagesGivesOneDeliveryEachAndLeavesOutReactionsStatusesAndOtherNumbers() {
        var deliveries = read(fixture("batch.json"));

        assertThat(deliveries)
                .extracting(InboundDelivery::externalId)
                .containsExactly(
                        "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQ0QkM1RjI3MzQ2RTVBN0U1MjIA",
                        "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDQxQjlFQjNGNDI4N0U2NTkA");
        assertThat(deliveries).extracting(InboundDelivery::account).containsOnly(PHONE_NUMBER_ID);

        var photo = connector.normalise(deliveries.get(1));
        assertThat(photo.author().displayName()).isEqualTo("Ravi Kumar");
        assertThat(photo.author().externalId()).isEqualTo("447700900123");
        assertThat(photo.text()).isEqualTo("The box arrived like this");
        assertThat(photo.sentAt()).hasToString("2025-06-08T21:03:21Z");
    }

    @Test
    void eachDeliveryKeepsOnlyItsOwnMessageAndSender() {
        var first = read(fixture("batch.json")).getFirst();

        assertThat(first.payload()).contains("Sheena Nelson", "Hello?").doesNotContain("Ravi Kumar", "statuses");
    }

    @Test
    void theSignatureIsCheckedOverTheRawBytesMetaSentWithTheirUnicodeEscapes() {
        var raw = fixture("escaped.json");
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("\\u00fc");

        var message = connector.normalise(read(raw).getFirst());
        assertThat(message.text()).isEqualTo("Grüße! Die Lieferung ist beschädigt 😞");
        assertThat(message.author().displayName()).isEqualTo("Renée Müller");

        var reserialised = JsonMapper.builder()
                .build()
                .writeValueAsBytes(JsonMapper.builder().build().readTree(raw));
        var signedOriginal = signed(raw);
        var sameJsonOtherBytes =
                new WebhookRequest(signedOriginal.headers(), Map.of(), reserialised, whatsAppAccount());
        assertThatThrownBy(() -> connector.verify(sameJsonOtherBytes)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aWebhookWithoutSignatureIsRefused() {
        var unsigned = new WebhookRequest(Map.of(), Map.of(), fixture("message.json"), whatsAppAccount());
        assertThatThrownBy(() -> connector.verify(unsigned)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aWebhookForAnotherMetaObjectIsMalformed() {
        var page = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(page))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("object");
    }

    @Test
    void theSubscriptionCheckIsAnsweredOnlyForSubscribeWithTheAccountsToken() {
        var wrongMode =
                Map.of("hub.mode", "unsubscribe", "hub.verify_token", "verify-token-for-heard", "hub.challenge", "42");
        assertThat(connector.answerChallenge(new WebhookRequest(Map.of(), wrongMode, new byte[0], whatsAppAccount())))
                .isEmpty();
    }

    @Test
    void aReplyAfterTheCustomerServiceWindowIsRefusedWithWhatTheAgentCanDo() {
        meta.stubFor(post(urlEqualTo("/v26.0/" + PHONE_NUMBER_ID + "/messages"))
                .willReturn(aResponse().withStatus(400).withBody("""
                        {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                         "error_data":{"messaging_product":"whatsapp",
                          "details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                         "fbtrace_id":"AbCdEf"}}""")));

        var failure = sendFailure();

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage())
                .startsWith(
                        "The customer last wrote more than 24 hours ago; WhatsApp only allows an approved template now.")
                .contains("131047");
    }

    @Test
    void throughputLimitsWithoutAWaitAreTriedAgainAfterAMinute() {
        meta.stubFor(post(urlEqualTo("/v26.0/" + PHONE_NUMBER_ID + "/messages"))
                .willReturn(aResponse().withStatus(400).withBody("""
                        {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,
                         "fbtrace_id":"AbCdEf"}}""")));

        var failure = sendFailure();

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(GraphApi.DEFAULT_WAIT);
    }

    @Test
    void aRetryAfterHeaderWinsOverTheDefaultWait() {
        meta.stubFor(post(urlEqualTo("/v26.0/" + PHONE_NUMBER_ID + "/messages"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "12")
                        .withBody("{\"error\":{\"message\":\"(#131056) pair rate limit hit\",\"code\":131056}}")));

        assertThat(sendFailure().retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void metaSayingAnErrorIsTransientMeansTryAgain() {
        meta.stubFor(post(urlEqualTo("/v26.0/" + PHONE_NUMBER_ID + "/messages"))
                .willReturn(aResponse().withStatus(400).withBody("""
                        {"error":{"message":"An unexpected error has occurred. Please retry your request later.",
                         "type":"OAuthException","code":99,"is_transient":true,"fbtrace_id":"AbCdEf"}}""")));

        assertThat(sendFailure().retryable()).isTrue();
    }

    @Test
    void thereAreNoPublicRepliesOnWhatsApp() {
        var reply = new OutboundMessage("whatsapp", PHONE_NUMBER_ID, "k", 1, "Hi", Visibility.PUBLIC, null, null);
        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(reply, whatsAppAccount()));
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void connectingReadsThePhoneNumberWithTheToken() {
        meta.stubFor(get(urlPathEqualTo("/v26.0/" + PHONE_NUMBER_ID))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                "Bearer " + WhatsAppConnectorContractTests.TOKEN))
                .willReturn(okJson("""
                        {"verified_name":"Heard Shop","display_phone_number":"+1 555-078-3881",
                         "id":"106540352242922"}""")));

        var connected = connector.connect(new AccountSetup(whatsAppAccount().credentials(), "https://h/x", "v"));

        assertThat(connected.externalId()).isEqualTo(PHONE_NUMBER_ID);
        assertThat(connected.name()).isEqualTo("Heard Shop (+1 555-078-3881)");
    }

    @Test
    void aRefusedTokenTellsTheAdminMetasReason() {
        meta.stubFor(get(urlPathEqualTo("/v26.0/" + PHONE_NUMBER_ID))
                .willReturn(aResponse().withStatus(400).withBody("""
                        {"error":{"message":"Error validating access token: Session has expired.",
                         "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEf"}}""")));

        assertThatThrownBy(() ->
                        connector.connect(new AccountSetup(whatsAppAccount().credentials(), "https://h/x", "v")))
                .isInstanceOf(ConnectionFailed.class)
                .hasMessageContaining("Session has expired")
                .hasMessageNotContaining(WhatsAppConnectorContractTests.TOKEN);
    }

    private SendFailed sendFailure() {
        var reply = new OutboundMessage(
                "whatsapp", PHONE_NUMBER_ID, "k", 1, "On its way", Visibility.PRIVATE, null, "16505551234");
        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(reply, whatsAppAccount()));
        assertThat(failure).isNotNull();
        return failure;
    }

    private List<InboundDelivery> read(byte[] body) {
        var request = signed(body);
        connector.verify(request);
        return connector.read(request);
    }

    private static WebhookRequest signed(byte[] body) {
        return MetaWebhookRequests.signedWith(APP_SECRET, body, whatsAppAccount());
    }

    private static byte[] fixture(String name) {
        try (var in = WhatsAppConnectorTests.class.getResourceAsStream("/fixtures/whatsapp/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
