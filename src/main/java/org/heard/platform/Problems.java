package org.heard.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Heard's RFC 9457 answers: a status, a short title, and a detail a person can act on. */
public final class Problems {

    static final String CLASH_TITLE = "Clash with saved data";
    static final String CLASH =
            "That clashes with something saved at the same moment (the same email twice, for example);"
                    + " reload and try again.";
    static final String CHANGED_TITLE = "Changed meanwhile";
    static final String CHANGED = "Someone changed this conversation at the same moment; reload it and try again.";
    static final String REFUSED_TITLE = "Request not accepted";
    /** What a person reads when a request failed in a way Heard has no words for; the log has the reason. */
    static final String UNREADABLE = "Heard could not read this request; check the values you sent.";

    private Problems() {}

    public static ProblemDetail detail(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(detail(status, title, detail));
    }
}
