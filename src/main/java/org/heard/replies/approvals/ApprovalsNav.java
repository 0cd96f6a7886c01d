package org.heard.replies.approvals;

import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** How many replies wait for the signed-in person's approval, for the badge in every page's navigation. */
@ControllerAdvice(annotations = Controller.class)
class ApprovalsNav {

    private final Approvals approvals;

    ApprovalsNav(Approvals approvals) {
        this.approvals = approvals;
    }

    @ModelAttribute("approvalsWaiting")
    int approvalsWaiting(@AuthenticationPrincipal @Nullable SignedInUser me) {
        return me == null ? 0 : approvals.waitingFor(me.asColleague()).size();
    }
}
