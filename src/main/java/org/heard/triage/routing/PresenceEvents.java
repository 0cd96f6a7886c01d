package org.heard.triage.routing;

import org.heard.identity.SignedInUser;
import org.heard.triage.routing.Agent.Presence;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Signing in with the form makes an agent available; signing out hands their conversations back.
 * API tokens are for machines and leave presence alone.
 */
@Component
class PresenceEvents {

    private final Routing routing;

    PresenceEvents(Routing routing) {
        this.routing = routing;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            routing.presenceChanged(user.id(), Presence.ONLINE);
        }
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            routing.presenceChanged(user.id(), Presence.OFFLINE);
        }
    }
}
