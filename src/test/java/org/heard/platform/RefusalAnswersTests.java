package org.heard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person reads when Heard turns a request down: the words of a {@link Refused}, on the API and on a page; and
 * when a JDK exception escapes a controller instead, a fixed sentence, with the JDK's own message kept for the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalAnswersTests {

    static final String UNREADABLE = "Heard could not read this request; check the values you sent.";

    /** Stands for any controller: one refuses in words, the other lets the JDK's parsing failure escape. */
    @RestController
    static class SomeApi {

        @GetMapping("/api/things/refused")
        String refused() {
            throw new TimeRefused("Heard schedules up to a year ahead; pick a time before Fri 24 Dec 2027, 15:00.");
        }

        @GetMapping("/api/things/{id}")
        String thing(@PathVariable String id) {
            return UUID.fromString(id).toString();
        }
    }

    @Controller
    static class SomePages {

        @GetMapping("/things/refused")
        String refused() {
            throw new Refused("Write a reply before sending it.");
        }

        @GetMapping("/things/{id}")
        String thing(@PathVariable String id) {
            return "things/" + UUID.fromString(id);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SomeApi(), new SomePages())
            .setControllerAdvice(new ApiProblems(), new PageProblems())
            .build();

    @Test
    void theApiAnswersARefusalWithItsReason() throws Exception {
        mvc.perform(get("/api/things/refused"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Request not accepted"))
                .andExpect(jsonPath("$.detail")
                        .value("Heard schedules up to a year ahead; pick a time before Fri 24 Dec 2027, 15:00."));
    }

    @Test
    void theApiKeepsAJdkMessageToTheLogAndAnswersInItsOwnWords(CapturedOutput log) throws Exception {
        var body = mvc.perform(get("/api/things/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Request not accepted"))
                .andExpect(jsonPath("$.detail").value(UNREADABLE))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("Invalid UUID string");
        assertThat(log.getOut())
                .contains("WARN")
                .contains("Could not read a request")
                .contains("java.lang.IllegalArgumentException: Invalid UUID string: not-a-uuid");
    }

    @Test
    void aPageShowsARefusalsReasonOnHeardsErrorPage() throws Exception {
        mvc.perform(get("/things/refused"))
                .andExpect(status().isBadRequest())
                .andExpect(request().attribute("problemTitle", "Request not accepted"))
                .andExpect(request().attribute("problemDetail", "Write a reply before sending it."));
    }

    @Test
    void aPageShowsNoJdkMessageAndTheLogKeepsIt(CapturedOutput log) throws Exception {
        var shown = mvc.perform(get("/things/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(request().attribute("problemDetail", UNREADABLE))
                .andReturn();

        assertThat(shown.getResponse().getErrorMessage()).isNull();
        assertThat(log.getOut())
                .contains("WARN")
                .contains("Could not read a page request")
                .contains("java.lang.IllegalArgumentException: Invalid UUID string: not-a-uuid");
    }
}
