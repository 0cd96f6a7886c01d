package org.heard.selfservice.internal;

import java.util.Map;
import java.util.Optional;

/** The company's own customer system, which knows accounts and their values; Heard keeps none of them. */
public interface AccountSystem {

    /**
     * The company's reference for the account these details open, or empty when they open none.
     *
     * @throws LookupFailed when the system cannot be asked now
     */
    Optional<String> verify(String account, String secret);

    /**
     * The values a command's answer shows, such as {@code balance}, for one customer.
     *
     * @throws LookupFailed when the system cannot be asked now or has no such values
     */
    Map<String, String> values(String customerRef, String command);

    /** Where answers come from, in words for a supervisor. */
    String description();

    /** The company's system did not answer as it should; the customer hears a person will follow up. */
    final class LookupFailed extends RuntimeException {

        LookupFailed(String message) {
            super(message);
        }

        LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
