package org.heard.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs to know about this installation. */
@ControllerAdvice(annotations = Controller.class)
class PageDefaults {

    private final boolean sandboxEnabled;

    PageDefaults(@Value("${heard.sandbox.enabled:true}") boolean sandboxEnabled) {
        this.sandboxEnabled = sandboxEnabled;
    }

    @ModelAttribute("sandboxEnabled")
    boolean sandboxEnabled() {
        return sandboxEnabled;
    }
}
