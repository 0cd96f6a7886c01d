package org.heard.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A visitor asks for their chat by email; it arrives at a real SMTP server, once, with both sides. */
@IntegrationTest
// Heard is pointed at this story's own double, which makes an application of its own: closed when done.
@DirtiesContext
class WebChatTranscriptIntegrationTests {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("heard.channels.webchat.transcript-from", () -> "care@acme.test");
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aVisitorGetsTheirChatByEmailOnceEveryFewMinutes() throws Exception {
        var heard = new HeardClient(port);
        var admin = heard.asAdmin();
        var website = "https://mail-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var connected = admin.post(
                "/api/admin/channels", Map.of("channel", "webchat", "credentials", Map.of("website", website)));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        var webhookUrl = connected.json().get("webhookUrl").asString();
        var key = webhookUrl.substring(webhookUrl.lastIndexOf('/') + 1);
        assertThat(heard.get("/p/chat/" + key).json().get("transcriptByEmail").asBoolean())
                .isTrue();

        var pass = heard.post("/p/chat/" + key + "/session", Map.of()).json();
        var visitor = pass.get("visitor").asString();
        var token = pass.get("token").asString();
        var question = "Do you ship kettles to Jersey? " + UUID.randomUUID();
        var posted = heard.send(HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("Content-Type", "application/json")
                .header(VisitorPass.VISITOR_HEADER, visitor)
                .header(VisitorPass.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"q1\",\"text\":\"" + question + "\"}")));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        var query = "?visitor=" + visitor + "&token=" + token;
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        heard.get("/p/chat/" + key + "/lines" + query).body().contains(question));

        assertThat(heard.post("/p/chat/" + key + "/transcript" + query, Map.of("email", "not an address"))
                        .status())
                .isEqualTo(400);
        var sent = heard.post("/p/chat/" + key + "/transcript" + query, Map.of("email", "maria@example.org"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        var again = heard.post("/p/chat/" + key + "/transcript" + query, Map.of("email", "someone@example.org"));
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.contentType()).startsWith("application/problem+json");

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        var mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        var body = GreenMailUtil.getBody(mails[0]);
        assertThat(body).contains(question).contains("You (");
        assertThat(GreenMailUtil.getAddressList(mails[0].getAllRecipients())).isEqualTo("maria@example.org");
    }

    @Test
    void anotherVisitorsPassCannotAskForTheirChat() {
        var heard = new HeardClient(port);
        var admin = heard.asAdmin();
        var website = "https://mail-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var webhookUrl = admin.post(
                        "/api/admin/channels", Map.of("channel", "webchat", "credentials", Map.of("website", website)))
                .json()
                .get("webhookUrl")
                .asString();
        var key = webhookUrl.substring(webhookUrl.lastIndexOf('/') + 1);
        var mine = heard.post("/p/chat/" + key + "/session", Map.of()).json();
        var theirs = heard.post("/p/chat/" + key + "/session", Map.of()).json();

        var refused = heard.post(
                "/p/chat/" + key + "/transcript?visitor="
                        + theirs.get("visitor").asString() + "&token="
                        + mine.get("token").asString(),
                Map.of("email", "thief@example.org"));

        assertThat(refused.status()).isEqualTo(401);
    }
}
