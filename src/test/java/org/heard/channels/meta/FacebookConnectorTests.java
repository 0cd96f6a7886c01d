package org.heard.channels.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.heard.channels.meta.FacebookConnectorContractTests.APP_SECRET;
import static org.heard.channels.meta.FacebookConnectorContractTests.PAGE_ID;
import static org.heard.channels.meta.FacebookConnectorContractTests.pageAccount;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.util.List;
import org.heard.channels.ChannelAccount;
import org.heard.channels.InboundDelivery;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacebookConnectorTests {

    private static final String MESSAGES = "/v26.0/" + PAGE_ID + "/messages";
    private static final String WINDOW_CLOSED = """
            {"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException",
             "code":10,"error_subcode":2018278,"fbtrace_id":"BLBz/WZt8dN"}}""";

    private final WireMockServer meta =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private FacebookConnector connector;

    @BeforeEach
    void start() {
        meta.start();
        connector = FacebookConnectorContractTests.facebook(meta.baseUrl());
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
                        "m_1457764197618:41d102a3e1ae206a38",
                        "m_1457764197699:41d102a3e1ae206a99",
                        "122145678901234567_1098765432133333");
        assertThat(deliveries).extracting(InboundDelivery::account).containsOnly(PAGE_ID);
    }

    @Test
    void messengerMessagesArePrivateAndKeepTheMessageTheyAnswer() {
        var deliveries = read(fixture("batch.json"));

        var first = connector.normalise(deliveries.get(0));
        assertThat(first.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(first.author().externalId()).isEqualTo("7012345678901234");
        assertThat(first.text()).isEqualTo("Where is my parcel?");
        assertThat(first.sentAt().toEpochMilli()).isEqualTo(1749417100001L);

        var answer = connector.normalise(deliveries.get(1));
        assertThat(answer.inReplyTo()).isEqualTo("m_echo8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU");
    }

    @Test
    void aCommentOnThePostItselfAnswersThePost() {
        var comment = connector.normalise(read(fixture("batch.json")).get(2));

        assertThat(comment.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(comment.author().displayName()).isEqualTo("Jonas Berg");
        assertThat(comment.inReplyTo()).isEqualTo("103542965071234_122145678901234567");
    }

    @Test
    void aPrivateReplyGoesToTheCustomersChatAsAResponse() throws SendFailed {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(
                        okJson("{\"recipient_id\":\"7012345678901234\",\"message_id\":\"m_AG5Hz2Uq7tuwNEhXfYYKj8\"}")));

        var sent = connector.send(dm(), pageAccount(false));

        assertThat(sent).isEqualTo("m_AG5Hz2Uq7tuwNEhXfYYKj8");
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + FacebookConnectorContractTests.TOKEN))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("7012345678901234")))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo("We found it, it is on its way."))));
    }

    @Test
    void afterTheWindowAReplyIsSentAgainWithTheHumanAgentTagWhereMetaAllowsIt() throws SendFailed {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .willReturn(aResponse().withStatus(400).withBody(WINDOW_CLOSED)));
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("MESSAGE_TAG")))
                .withRequestBody(matchingJsonPath("$.tag", equalTo("HUMAN_AGENT")))
                .willReturn(okJson("{\"recipient_id\":\"7012345678901234\",\"message_id\":\"m_tagged\"}")));

        assertThat(connector.send(dm(), pageAccount(true))).isEqualTo("m_tagged");
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void withoutTheHumanAgentTagAClosedWindowIsExplainedToTheAgent() {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse().withStatus(400).withBody(WINDOW_CLOSED)));

        var failure = sendFailure(dm(), pageAccount(false));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage())
                .startsWith("The customer last wrote more than 24 hours ago")
                .contains("Human Agent", "2018278");
        meta.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void whenEvenTheHumanAgentWindowHasClosedTheAgentIsToldSo() {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse().withStatus(400).withBody(WINDOW_CLOSED)));

        var failure = sendFailure(dm(), pageAccount(true));

        assertThat(failure.getMessage()).startsWith("The customer last wrote more than 7 days ago");
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aPrivateAnswerToACommentIsAPrivateReplyToThatComment() throws SendFailed {
        meta.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(okJson("{\"recipient_id\":\"7012345678901234\",\"message_id\":\"m_private_reply\"}")));
        var reply = new OutboundMessage(
                "facebook",
                PAGE_ID,
                "k",
                3,
                "We have sent you the tracking link privately.",
                Visibility.PRIVATE,
                "122145678901234567_1098765432109876",
                "6843210987654321");

        assertThat(connector.send(reply, pageAccount(false))).isEqualTo("m_private_reply");
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(
                        matchingJsonPath("$.recipient.comment_id", equalTo("122145678901234567_1098765432109876")))
                .withRequestBody(
                        matchingJsonPath("$.recipient.id", com.github.tomakehurst.wiremock.client.WireMock.absent())));
    }

    private static OutboundMessage dm() {
        return new OutboundMessage(
                "facebook",
                PAGE_ID,
                "k",
                2,
                "We found it, it is on its way.",
                Visibility.PRIVATE,
                "m_1457764197618:41d102a3e1ae206a38",
                "7012345678901234");
    }

    private SendFailed sendFailure(OutboundMessage reply, ChannelAccount account) {
        var failure = catchThrowableOfType(SendFailed.class, () -> connector.send(reply, account));
        assertThat(failure).isNotNull();
        return failure;
    }

    private List<InboundDelivery> read(byte[] body) {
        var request = MetaWebhookRequests.signedWith(APP_SECRET, body, pageAccount(false));
        connector.verify(request);
        return connector.read(request);
    }

    private static byte[] fixture(String name) {
        try (var in = FacebookConnectorTests.class.getResourceAsStream("/fixtures/facebook/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
