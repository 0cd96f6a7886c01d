package org.heard.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answer of the API is an RFC 9457 problem detail. A request Heard refuses ({@link Refused}) says why in
 * words a person can act on; the self-validating commands of each module supply those words. Any other
 * {@link IllegalArgumentException} is a request Heard failed to read: the caller gets a fixed answer and the log gets
 * the exception, because a JDK or library message ("Invalid UUID string") is no reason a person can act on and may
 * show Heard's insides. Pages get Heard's error page instead ({@link PageProblems}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(Refused e) {
        log.debug("Refused a request: {}", e.getMessage());
        return Problems.answer(HttpStatus.BAD_REQUEST, Problems.REFUSED_TITLE, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(IllegalArgumentException e) {
        log.warn("Could not read a request", e);
        return Problems.answer(HttpStatus.BAD_REQUEST, Problems.REFUSED_TITLE, Problems.UNREADABLE);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> clash(DataIntegrityViolationException e) {
        log.info(
                "Refused a request that clashed with saved data: {}",
                e.getMostSpecificCause().getMessage());
        return Problems.answer(HttpStatus.CONFLICT, Problems.CLASH_TITLE, Problems.CLASH);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(OptimisticLockingFailureException e) {
        return Problems.answer(HttpStatus.CONFLICT, Problems.CHANGED_TITLE, Problems.CHANGED);
    }
}
