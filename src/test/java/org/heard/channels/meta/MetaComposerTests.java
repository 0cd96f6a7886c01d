package org.heard.channels.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.heard.channels.ChannelAccount;
import org.heard.channels.Credentials;
import org.heard.channels.MessageTemplate;
import org.heard.channels.Moderation;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.TemplateChoice;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the composer asks of Meta besides replies: windows, WhatsApp's approved templates, liking and hiding. */
class MetaComposerTests {

    private static final String WABA_ID = "102290129340398";
    private static final String FB_COMMENT = "122145678901234567_1098765432109876";
    private static final String IG_COMMENT = "17865799348089039";

    private final WireMockServer meta =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeEach
    void start() {
        meta.start();
    }

    @AfterEach
    void stop() {
        meta.stop();
    }

    @Test
    void whatsAppListsTheApprovedTemplatesAnAgentCanFillInWithTheirFixedHeaderAndFooter() throws Exception {
        meta.stubFor(get(urlPathEqualTo("/v26.0/" + WABA_ID + "/message_templates"))
                .withQueryParam("status", equalTo("APPROVED"))
                .willReturn(okJson(fixture("message-templates.json"))));

        var templates = whatsApp().templates(withWaba());

        assertThat(templates)
                .containsExactly(
                        new MessageTemplate(
                                "order_update",
                                "en_US",
                                "Hi {{1}}, your order {{2}} has an update. Reply to this message to continue."),
                        new MessageTemplate(
                                "ticket_follow_up",
                                "es",
                                "Your request\n\nWe are still on it and will write again soon.\n\nHeard Shop support"));
        meta.verify(getRequestedFor(urlPathEqualTo("/v26.0/" + WABA_ID + "/message_templates"))
                .withHeader("Authorization", equalTo("Bearer " + WhatsAppConnectorContractTests.TOKEN)));
    }

    @Test
    void withoutItsBusinessAccountIdWhatsAppSaysWhereToEnterIt() {
        var refused = catchThrowableOfType(
                SendFailed.class, () -> whatsApp().templates(WhatsAppConnectorContractTests.whatsAppAccount()));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("WhatsApp Business Account ID");
    }

    @Test
    void metasRefusalToListTemplatesIsItsOwnReason() {
        meta.stubFor(get(urlPathEqualTo("/v26.0/" + WABA_ID + "/message_templates"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error":{"message":"(#100) Tried accessing nonexisting field (message_templates)",
                                 "type":"OAuthException","code":100,"fbtrace_id":"AbCdEf"}}""")));

        var refused = catchThrowableOfType(SendFailed.class, () -> whatsApp().templates(withWaba()));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage())
                .contains("Tried accessing nonexisting field")
                .doesNotContain(WhatsAppConnectorContractTests.TOKEN);
    }

    @Test
    void aTemplateIsSentAsTypeTemplateWithTheBodyVariablesInOrder() throws SendFailed {
        meta.stubFor(post(urlEqualTo("/v26.0/" + WhatsAppConnectorContractTests.PHONE_NUMBER_ID + "/messages"))
                .willReturn(okJson("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"34600111222","wa_id":"34600111222"}],
                         "messages":[{"id":"wamid.HBgLMzQ2MDAxMTEyMjIVAgARGBJBQkNERUYA","message_status":"accepted"}]}""")));
        var message = new OutboundMessage(
                "whatsapp",
                WhatsAppConnectorContractTests.PHONE_NUMBER_ID,
                "heard-message-41",
                41,
                "Hi Pablo, your order #5512 has an update. Reply to this message to continue.",
                Visibility.PRIVATE,
                null,
                "34600111222",
                new TemplateChoice("order_update", "en_US", List.of("Pablo", "#5512")));

        var id = whatsApp().send(message, withWaba());

        assertThat(id).isEqualTo("wamid.HBgLMzQ2MDAxMTEyMjIVAgARGBJBQkNERUYA");
        meta.verify(
                postRequestedFor(urlEqualTo("/v26.0/" + WhatsAppConnectorContractTests.PHONE_NUMBER_ID + "/messages"))
                        .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"34600111222",
                         "type":"template",
                         "template":{"name":"order_update","language":{"code":"en_US"},
                          "components":[{"type":"body","parameters":[{"type":"text","text":"Pablo"},
                                                                     {"type":"text","text":"#5512"}]}]}}""")));
    }

    @Test
    void whatsAppsWindowIs24HoursAfterWhichOnlyATemplateMayBeSent() {
        var rules = whatsApp().rules(WhatsAppConnectorContractTests.whatsAppAccount());
        var now = java.time.Instant.parse("2026-11-22T12:00:00Z");

        assertThat(rules.privateMessageClosed(false, now.minus(Duration.ofHours(23)), now))
                .isNull();
        assertThat(rules.privateMessageClosed(false, now.minus(Duration.ofHours(26)), now))
                .isEqualTo("The customer last wrote 26 hours ago; WhatsApp only allows an approved template now.");
        assertThat(rules.privateWindow().templates()).isTrue();
    }

    @Test
    void withTheHumanAgentTagAFacebookOrInstagramAccountMayAnswerFor7Days() {
        var now = java.time.Instant.parse("2026-11-22T12:00:00Z");
        var threeDaysAgo = now.minus(Duration.ofDays(3));
        var facebook = FacebookConnectorContractTests.facebook(meta.baseUrl());
        var instagram = InstagramConnectorContractTests.instagram(meta.baseUrl());

        assertThat(facebook.rules(FacebookConnectorContractTests.pageAccount(false))
                        .privateMessageClosed(false, threeDaysAgo, now))
                .startsWith("The customer last wrote 3 days ago; Facebook only allows a reply within 24 hours");
        assertThat(facebook.rules(FacebookConnectorContractTests.pageAccount(true))
                        .privateMessageClosed(false, threeDaysAgo, now))
                .isNull();
        assertThat(instagram
                        .rules(InstagramConnectorContractTests.instagramAccount(true))
                        .privateMessageClosed(false, now.minus(Duration.ofDays(8)), now))
                .isEqualTo("The customer last wrote 8 days ago; Instagram allows no reply after 7 days, even with the"
                        + " Human Agent tag, until they write again.");
        assertThat(instagram
                        .rules(InstagramConnectorContractTests.instagramAccount(false))
                        .privateMessageClosed(true, now.minus(Duration.ofDays(8)), now))
                .isEqualTo("The customer last wrote 8 days ago; Instagram takes a private reply to a comment only"
                        + " within 7 days of it.");
        assertThat(facebook.rules().privateWindow().templates()).isFalse();
    }

    @Test
    void aPageLikesAndUnlikesACommentAndHidesIt() throws SendFailed {
        var facebook = FacebookConnectorContractTests.facebook(meta.baseUrl());
        var page = FacebookConnectorContractTests.pageAccount(false);
        meta.stubFor(post(urlEqualTo("/v26.0/" + FB_COMMENT + "/likes")).willReturn(okJson("{\"success\":true}")));
        meta.stubFor(delete(urlEqualTo("/v26.0/" + FB_COMMENT + "/likes")).willReturn(okJson("{\"success\":true}")));
        meta.stubFor(post(urlEqualTo("/v26.0/" + FB_COMMENT)).willReturn(okJson("{\"success\":true}")));

        facebook.moderate(page, FB_COMMENT, Moderation.LIKE);
        facebook.moderate(page, FB_COMMENT, Moderation.UNLIKE);
        facebook.moderate(page, FB_COMMENT, Moderation.HIDE);
        facebook.moderate(page, FB_COMMENT, Moderation.UNHIDE);

        meta.verify(postRequestedFor(urlEqualTo("/v26.0/" + FB_COMMENT + "/likes"))
                .withHeader("Authorization", equalTo("Bearer " + FacebookConnectorContractTests.TOKEN)));
        meta.verify(deleteRequestedFor(urlEqualTo("/v26.0/" + FB_COMMENT + "/likes")));
        meta.verify(postRequestedFor(urlEqualTo("/v26.0/" + FB_COMMENT))
                .withRequestBody(equalToJson("{\"is_hidden\":true}")));
        meta.verify(postRequestedFor(urlEqualTo("/v26.0/" + FB_COMMENT))
                .withRequestBody(equalToJson("{\"is_hidden\":false}")));
        assertThat(facebook.moderations()).containsExactlyInAnyOrder(Moderation.values());
    }

    @Test
    void aCommentMetaWillNotHideIsRefusedWithMetasReason() {
        var facebook = FacebookConnectorContractTests.facebook(meta.baseUrl());
        meta.stubFor(post(urlEqualTo("/v26.0/" + FB_COMMENT))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error":{"message":"(#100) Cannot hide a comment that was made by the Page",
                                 "type":"OAuthException","code":100,"fbtrace_id":"Ab1"}}""")));

        var refused = catchThrowableOfType(
                SendFailed.class,
                () -> facebook.moderate(
                        FacebookConnectorContractTests.pageAccount(false), FB_COMMENT, Moderation.HIDE));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage())
                .isEqualTo("Facebook refused to hide the comment: (#100) Cannot hide a comment that was made by the"
                        + " Page (code 100)");
    }

    @Test
    void instagramHidesAndUnhidesACommentAndOffersNoLike() throws SendFailed {
        var instagram = InstagramConnectorContractTests.instagram(meta.baseUrl());
        var account = InstagramConnectorContractTests.instagramAccount(false);
        meta.stubFor(post(urlEqualTo("/v26.0/" + IG_COMMENT)).willReturn(okJson("{\"success\":true}")));

        instagram.moderate(account, IG_COMMENT, Moderation.HIDE);
        instagram.moderate(account, IG_COMMENT, Moderation.UNHIDE);

        meta.verify(
                postRequestedFor(urlEqualTo("/v26.0/" + IG_COMMENT)).withRequestBody(equalToJson("{\"hide\":true}")));
        meta.verify(
                postRequestedFor(urlEqualTo("/v26.0/" + IG_COMMENT)).withRequestBody(equalToJson("{\"hide\":false}")));
        assertThat(instagram.moderations()).containsExactlyInAnyOrder(Moderation.HIDE, Moderation.UNHIDE);
        assertThatThrownBy(() -> instagram.moderate(account, IG_COMMENT, Moderation.LIKE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aThrottledHideIsTriedAgainNoSoonerThanMetaAsks() {
        var instagram = InstagramConnectorContractTests.instagram(meta.baseUrl());
        meta.stubFor(post(urlEqualTo("/v26.0/" + IG_COMMENT))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "120")
                        .withBody("""
                                {"error":{"message":"(#4) Application request limit reached","type":"OAuthException",
                                 "is_transient":true,"code":4,"fbtrace_id":"Ab2"}}""")));

        var later = catchThrowableOfType(
                SendFailed.class,
                () -> instagram.moderate(
                        InstagramConnectorContractTests.instagramAccount(false), IG_COMMENT, Moderation.HIDE));

        assertThat(later.retryable()).isTrue();
        assertThat(later.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    private WhatsAppConnector whatsApp() {
        return WhatsAppConnectorContractTests.whatsApp(meta.baseUrl());
    }

    private static ChannelAccount withWaba() {
        var account = WhatsAppConnectorContractTests.whatsAppAccount();
        var values = new HashMap<>(account.credentials().asMap());
        values.put("whatsapp_business_account_id", WABA_ID);
        return new ChannelAccount(
                account.id(),
                account.channel(),
                account.key(),
                account.externalId(),
                account.name(),
                account.verifyToken(),
                Credentials.of(values));
    }

    private static String fixture(String name) throws IOException {
        try (var in = MetaComposerTests.class.getResourceAsStream("/fixtures/whatsapp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
