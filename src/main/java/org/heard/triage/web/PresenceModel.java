package org.heard.triage.web;

import org.heard.identity.SignedInUser;
import org.heard.triage.routing.Agents;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows the signed-in agent's presence, which they can change from there. */
@ControllerAdvice(annotations = Controller.class)
class PresenceModel {

    private final Agents agents;

    PresenceModel(Agents agents) {
        this.agents = agents;
    }

    @ModelAttribute("myPresence")
    @Nullable
    String myPresence(@AuthenticationPrincipal @Nullable SignedInUser me) {
        return me == null ? null : agents.find(me.id()).presence().name();
    }
}
