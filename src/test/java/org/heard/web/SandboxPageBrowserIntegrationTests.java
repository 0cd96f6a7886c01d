package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Route;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sandbox network's page as a customer watches it: every post shows up live, however close together they come. */
@IntegrationTest
class SandboxPageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void anAnswerThatArrivesWhileThePageIsStillFetchingThePostItAnswersAppearsToo() {
        var network = new HeardClient(port);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var customer = new SandboxCustomer(browser.window()).open();
        var page = customer.page;
        // The test listens to the same stream as the page, to know when the answer's event has reached it.
        page.evaluate("""
                () => new Promise(open => {
                  window.seen = [];
                  const stream = new EventSource('/api/sandbox/stream');
                  stream.addEventListener('post', e => window.seen.push(String(e.data)));
                  stream.onopen = open;
                })""");
        var warmUp = "@heardbrand is anyone there? " + run;
        post(network, Map.of("author", "aiko", "text", warmUp));
        assertThat(customer.thread(warmUp)).isVisible();

        // The page's fetch after the question is held until the answer exists and its event has reached the page.
        var question = "@heardbrand my parcel is late " + run;
        var answer = "On its way, it arrives tomorrow " + run;
        var held = new AtomicBoolean();
        page.route("**/sandbox/timeline", route -> {
            if (!held.compareAndSet(false, true)) {
                route.resume();
                return;
            }
            var withoutTheAnswer = route.fetch();
            var questionId = latestPostId(network, question);
            long answerId = post(network, Map.of("author", "sam_r", "text", answer, "inReplyTo", questionId));
            page.waitForFunction("id => window.seen.includes(id)", String.valueOf(answerId));
            route.fulfill(new Route.FulfillOptions().setResponse(withoutTheAnswer));
        });

        post(network, Map.of("author", "aiko", "text", question));

        assertThat(customer.thread(question).locator(".replies")).containsText(answer);
        assertThat(held).isTrue();
    }

    private static long post(HeardClient network, Map<String, Object> post) {
        var posted = network.post("/api/sandbox/posts", post);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get("id").asLong();
    }

    private static long latestPostId(HeardClient network, String text) {
        for (var p : network.get("/api/sandbox/posts?limit=50").json()) {
            if (p.get("text").asString().equals(text)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("No sandbox post reads " + text);
    }
}
