package org.heard.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ChannelConnectorContract;
import org.heard.channels.Credentials;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web chat's network is Heard itself: a reply "reaches the network" when it is in the visitor's transcript.
 * The transcript here is kept in memory and made busy, broken or refusing the way PostgreSQL can be.
 */
class WebChatConnectorContractTests extends ChannelConnectorContract {

    private static final ChannelAccount ACCOUNT = new ChannelAccount(
            7,
            "webchat",
            "k3y-for-shop",
            "https://shop.example",
            "shop.example",
            "verify-token-of-the-shop-widget",
            Credentials.of(Map.of("website", "https://shop.example")));

    private final VisitorPass.Pass pass = VisitorPass.issue(ACCOUNT);
    private final FakeTranscripts transcripts = new FakeTranscripts();

    @Override
    protected String network() {
        return "webchat";
    }

    @Override
    protected ChannelConnector connector(String baseUrl) {
        return new WebChatConnector(
                JsonMapper.builder().build(),
                transcripts,
                new VisitorStreams(new SimpleMeterRegistry(), org.heard.platform.AllNodes.thisNodeOnly()));
    }

    @Override
    protected ChannelAccount account() {
        return ACCOUNT;
    }

    @Override
    protected WebhookRequest signed(byte[] body) {
        return new WebhookRequest(
                headers(
                        VisitorPass.VISITOR_HEADER,
                        pass.visitor(),
                        VisitorPass.TOKEN_HEADER,
                        pass.token(),
                        "Origin",
                        "https://shop.example"),
                Map.of(),
                body,
                ACCOUNT);
    }

    @Override
    protected WebhookRequest forged(byte[] body) {
        var other = VisitorPass.issue(ACCOUNT);
        return new WebhookRequest(
                headers(VisitorPass.VISITOR_HEADER, pass.visitor(), VisitorPass.TOKEN_HEADER, other.token()),
                Map.of(),
                body,
                ACCOUNT);
    }

    @Override
    protected boolean signsTheBody() {
        return false; // the pass proves who writes; TLS keeps the body intact
    }

    @Override
    protected Expected expectedMessage() {
        return new Expected(
                pass.visitor() + ":9f2c41d07a3b4c55",
                pass.visitor(),
                "Hi, my parcel 4471 says delivered but nothing came",
                Visibility.PRIVATE);
    }

    /** A chat is one conversation: a visitor's next message is not an answer to a particular one. */
    @Override
    protected @Nullable String expectedInReplyTo() {
        return null;
    }

    @Override
    protected void networkTakesReplies() {}

    @Override
    protected void networkLimitsReplies() {
        transcripts.failWith(new CannotAcquireLockException("could not obtain lock on row in relation"));
    }

    @Override
    protected void networkIsBroken() {
        transcripts.failWith(new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused"));
    }

    @Override
    protected void networkRefusesReplies() {
        transcripts.failWith(new DataIntegrityViolationException("value too long for type character varying(40)"));
    }

    @Override
    protected void networkAnswersGarbage() {
        transcripts.failWith(new EmptyResultDataAccessException(1));
    }

    @Override
    protected String expectedSentId() {
        return "webchat-1";
    }

    @Override
    protected void assertReplySent(OutboundMessage reply) {
        assertThat(transcripts.team).containsExactly(reply.recipient() + ": " + reply.text());
    }

    @Override
    protected @Nullable Duration expectedRetryAfter() {
        return null; // a busy database names no wait: the outbox's backoff decides
    }

    @Override
    protected String expectedRefusalReason() {
        return "value too long";
    }

    @Override
    protected MappingBuilder sendRequest() {
        throw new UnsupportedOperationException("Web chat replies never leave Heard");
    }

    @Override
    protected ResponseDefinitionBuilder sendAccepted() {
        throw new UnsupportedOperationException("Web chat replies never leave Heard");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        throw new UnsupportedOperationException("Web chat replies never leave Heard");
    }

    @Override
    protected ResponseDefinitionBuilder permanentlyRefused() {
        throw new UnsupportedOperationException("Web chat replies never leave Heard");
    }

    @Test
    void refusesAPageOnAnotherSite() {
        var request = new WebhookRequest(
                headers(
                        VisitorPass.VISITOR_HEADER,
                        pass.visitor(),
                        VisitorPass.TOKEN_HEADER,
                        pass.token(),
                        "Origin",
                        "https://phish.example"),
                Map.of(),
                fixture("message.json"),
                ACCOUNT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connector.verify(request))
                .isInstanceOf(org.heard.channels.WebhookRejected.class)
                .hasMessageContaining("https://shop.example");
    }

    @Test
    void aPassIsOnlyGoodForTheVisitorItWasIssuedTo() {
        var other = VisitorPass.issue(ACCOUNT);
        assertThat(VisitorPass.valid(ACCOUNT, other.visitor(), other.token())).isTrue();
        assertThat(VisitorPass.valid(ACCOUNT, pass.visitor(), other.token())).isFalse();
        assertThat(VisitorPass.valid(ACCOUNT, "v_../../etc", other.token())).isFalse();
    }

    @Test
    void aVisitorWithoutANameIsStillSomeoneTheTeamCanTellApart() {
        var message = only(fixture("reply.json"));
        assertThat(message.author().displayName()).startsWith("Website visitor ");
        assertThat(message.author().handle()).isNull();
    }

    @Test
    void namesAndEmailsComeWithTheMessageForTheTeam() {
        var message = only(fixture("message.json"));
        assertThat(message.author().displayName()).isEqualTo("María García");
        assertThat(message.author().handle()).isEqualTo("maria@example.org");
        assertThat(message.author().followers()).isNull();
    }

    /** The transcript, in memory, failing the way PostgreSQL can when told to. */
    static final class FakeTranscripts extends Transcripts {

        final List<String> team = new ArrayList<>();
        private @Nullable RuntimeException failure;

        FakeTranscripts() {
            super(null);
        }

        void failWith(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        Line teamWrote(String account, String visitor, String idempotencyKey, String text, Instant at) {
            if (failure != null) {
                throw failure;
            }
            team.add(visitor + ": " + text);
            return new Line(team.size(), Side.TEAM, text, at);
        }
    }
}
