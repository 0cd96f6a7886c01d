package org.heard.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Heard's one error model: an address under {@code /api/} answers with an RFC 9457 problem detail for programs
 * ({@link ApiProblems}); every other address is a page a person reads, and a refusal there is Heard's own error page,
 * in its layout, saying what happened and what to do — never a problem detail in the browser. A {@link Refused}
 * request shows its reason; any other {@link IllegalArgumentException} shows a fixed sentence and goes to the log, as
 * in {@link ApiProblems}. Errors outside a
 * controller (an address nothing answers, a page a role may not open) reach the same page through {@code /error}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler
    @Nullable
    Object refused(ErrorResponseException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var status = HttpStatus.valueOf(e.getStatusCode().value());
        var body = e.getBody();
        // HTTP's own phrase ("Not Found") is left to the page, which has plainer words for it.
        String title =
                body.getTitle() == null || body.getTitle().equals(status.getReasonPhrase()) ? "" : body.getTitle();
        String detail = body.getDetail() == null ? "" : body.getDetail();
        return answer(request, response, status, title, detail);
    }

    @ExceptionHandler
    @Nullable
    Object refused(Refused e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.debug("Refused a page request: {}", e.getMessage());
        return answer(request, response, HttpStatus.BAD_REQUEST, Problems.REFUSED_TITLE, e.getMessage());
    }

    /** A JDK or library message is no reason a person can act on; it goes to the log, not the page. */
    @ExceptionHandler
    @Nullable
    Object unreadable(IllegalArgumentException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("Could not read a page request", e);
        return answer(request, response, HttpStatus.BAD_REQUEST, Problems.REFUSED_TITLE, Problems.UNREADABLE);
    }

    @ExceptionHandler
    @Nullable
    Object clash(DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.info(
                "Refused a page request that clashed with saved data: {}",
                e.getMostSpecificCause().getMessage());
        return answer(request, response, HttpStatus.CONFLICT, Problems.CLASH_TITLE, Problems.CLASH);
    }

    @ExceptionHandler
    @Nullable
    Object conflict(OptimisticLockingFailureException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(request, response, HttpStatus.CONFLICT, Problems.CHANGED_TITLE, Problems.CHANGED);
    }

    /**
     * A program gets the problem detail; a person is sent to the error page through {@code /error}, which renders it
     * in the layout with who is signed in, as for every other error.
     */
    private static @Nullable Object answer(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            return Problems.answer(status, title.isBlank() ? status.getReasonPhrase() : title, detail);
        }
        request.setAttribute("problemTitle", title.isBlank() ? null : title);
        request.setAttribute("problemDetail", detail.isBlank() ? null : detail);
        response.sendError(status.value());
        return null;
    }
}
