package org.heard.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answer is an RFC 9457 problem detail. A request Heard cannot act on says why in words a
 * person can act on; the self-validating commands of each module supply those words.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        log.debug("Refused a request: {}", e.getMessage());
        return Problems.answer(HttpStatus.BAD_REQUEST, "Request not accepted", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> clash(org.springframework.dao.DataIntegrityViolationException e) {
        log.info(
                "Refused a request that clashed with saved data: {}",
                e.getMostSpecificCause().getMessage());
        return Problems.answer(
                HttpStatus.CONFLICT,
                "Clash with saved data",
                "That clashes with something saved at the same moment (the same email twice, for example);"
                        + " reload and try again.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(org.springframework.dao.OptimisticLockingFailureException e) {
        return Problems.answer(
                HttpStatus.CONFLICT,
                "Changed meanwhile",
                "Someone changed this conversation at the same moment; reload it and try again.");
    }
}
