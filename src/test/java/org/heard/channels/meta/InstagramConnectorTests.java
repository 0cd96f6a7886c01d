package org.heard.channels.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.meta.InstagramConnectorContractTests.ACCOUNT_ID;
import static org.heard.channels.meta.InstagramConnectorContractTests.APP_SECRET;
import static org.heard.channels.meta.InstagramConnectorContractTests.instagramAccount;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.util.List;
import org.heard.channels.InboundDelivery;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstagramConnectorTests {

    private static final String MESSAGES = "/v26.0/me/messages";

    private final WireMockServer meta =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private InstagramConnector connector;

    @BeforeEach
    void start() {
        meta.start();
        connector = InstagramConnectorContractTests.instagram(meta.baseUrl());
    }

    @AfterEach
    void stop() {
        meta.stop();
    }

    @Test
    void aWebhookWithManyEventsGivesOneDeliveryPerCustomerMessageOrComment() {
        var deliveries = read(fixture("batch.json"));

        assertThat(deliveries)
                .extracting(InboundDelivery::externalId)
                .containsExactly(
                        "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1OTk",
                        "17865799348089888");
        assertThat(deliveries).extracting(InboundDelivery::account).containsOnly(ACCOUNT_ID);
    }

    @Test
    void aDirectMessageIsPrivateAndAStoryReplyKeepsTheStory() {
        var message = connector.normalise(read(fixture("batch.json")).getFirst());

        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(message.author().externalId()).isEqualTo("6501234567890123");
        assertThat(message.text()).isEqualTo("Can you check my order?");
        assertThat(message.inReplyTo()).isEqualTo("17911240567171234");
    }

    @Test
    void aLiveCommentIsPublicAndAnswersTheMedia() {
        var comment = connector.normalise(read(fixture("batch.json")).get(1));

        assertThat(comment.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(comment.author().handle()).isEqualTo("jonas.berg");
        assertThat(comment.inReplyTo()).isEqualTo("17866923410089999");
    }

    @Test
    void aDirectReplyGoesThroughTheLinkedPagesSendApi() throws SendFailed {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(okJson("{\"recipient_id\":\"6501234567890123\",\"message_id\":\"aWdfZAG1faXRlbTo6\"}")));

        assertThat(connector.send(dm(), instagramAccount(false))).isEqualTo("aWdfZAG1faXRlbTo6");
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + InstagramConnectorContractTests.TOKEN))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("6501234567890123")))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo("Let me look into it."))));
    }

    @Test
    void aPrivateAnswerToACommentIsAPrivateReply() throws SendFailed {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(okJson("{\"recipient_id\":\"1784140580000123\",\"message_id\":\"aWdfZAG1private\"}")));
        var reply = new OutboundMessage(
                "instagram",
                ACCOUNT_ID,
                "k",
                4,
                "We have sent you the tracking link.",
                Visibility.PRIVATE,
                "17865799348089039",
                "1784140580000123");

        assertThat(connector.send(reply, instagramAccount(false))).isEqualTo("aWdfZAG1private");
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.recipient.comment_id", equalTo("17865799348089039")))
                .withRequestBody(matchingJsonPath("$.recipient.id", absent())));
    }

    @Test
    void instagramsClosedWindowIsExplainedAndTriedWithTheHumanAgentTagWhereAllowed() {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse().withStatus(400).withBody("""
                {"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException",
                 "code":10,"error_subcode":2534022,"fbtrace_id":"Ah1bXv0kD3s"}}""")));

        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(dm(), instagramAccount(true)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).startsWith("The customer last wrote more than 7 days ago; Instagram");
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.tag", equalTo("HUMAN_AGENT"))));
    }

    private static OutboundMessage dm() {
        return new OutboundMessage(
                "instagram",
                ACCOUNT_ID,
                "k",
                5,
                "Let me look into it.",
                Visibility.PRIVATE,
                "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1OTk",
                "6501234567890123");
    }

    private List<InboundDelivery> read(byte[] body) {
        var request = MetaWebhookRequests.signedWith(APP_SECRET, body, instagramAccount(false));
        connector.verify(request);
        return connector.read(request);
    }

    private static byte[] fixture(String name) {
        try (var in = InstagramConnectorTests.class.getResourceAsStream("/fixtures/instagram/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
