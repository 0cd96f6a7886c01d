package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.heard.triage.analysis.BrandVocabulary;
import org.heard.triage.analysis.SocialTextAnalyser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The second reading end to end: a message arrives with the lexicon's reading as its priority, and
 * within a second the sentence model's reading, where it tells complaint differently, changes the
 * conversation's priority and its reason in the inbox.
 */
@IntegrationTest
class SecondReadingIntegrationTests {

    /** A complaint in words the lexicon's rules do not know (checked below, so the story stays honest). */
    static final String UNHEARD_COMPLAINT = "@heardbrand the app logs me out every five minutes";

    /** Thanks the lexicon reads as a complaint for the scam it names. */
    static final String MISHEARD_THANKS = "@heardbrand got my money back from the scam, I can't thank you enough";

    @LocalServerPort
    int port;

    HeardClient admin;
    String tag;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aComplaintTheLexiconMissesIsRaisedByTheSecondReading() {
        assertThat(new SocialTextAnalyser(BrandVocabulary::none)
                        .analyse(UNHEARD_COMPLAINT)
                        .complaint())
                .isFalse();

        post("logout", UNHEARD_COMPLAINT);

        var row = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> row("logout"),
                        r -> r != null && r.get("priorityReason").asString().startsWith("complaint"));
        assertThat(row.get("priority").asInt()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void thanksTheLexiconReadsAsAComplaintIsLoweredByTheSecondReading() {
        assertThat(new SocialTextAnalyser(BrandVocabulary::none)
                        .analyse(MISHEARD_THANKS)
                        .complaint())
                .isTrue();

        post("thanks", MISHEARD_THANKS);

        var row = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> row("thanks"),
                        r -> r != null && !r.get("priorityReason").asString().startsWith("complaint"));
        assertThat(row.get("priority").asInt()).isLessThan(30);
    }

    private void post(String who, String text) {
        var body = SandboxPayloads.post(
                who + "-" + tag + "-" + UUID.randomUUID(), "id-" + who + "-" + tag, who + "-" + tag, text, null, false);
        assertThat(admin.signedSandboxWebhook(body).status()).isEqualTo(200);
    }

    private JsonNode row(String who) {
        return admin.allConversations("status=open").stream()
                .filter(r -> r.get("customerHandle").asString().equals(who + "-" + tag))
                .findFirst()
                .orElse(null);
    }
}
