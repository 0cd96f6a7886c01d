package org.heard.selfservice.internal;

import java.util.Map;
import java.util.Optional;

/** No lookup is configured: account commands tell the customer a person will follow up, and hand over. */
class NoAccountSystem implements AccountSystem {

    @Override
    public Optional<String> verify(String account, String secret) {
        throw new LookupFailed("No account lookup is configured (heard.selfservice.lookup.url).");
    }

    @Override
    public Map<String, String> values(String customerRef, String command) {
        throw new LookupFailed("No account lookup is configured (heard.selfservice.lookup.url).");
    }

    @Override
    public String description() {
        return "none: set heard.selfservice.lookup.url, until then account commands hand over to a person";
    }
}
