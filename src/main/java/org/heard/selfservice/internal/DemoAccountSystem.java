package org.heard.selfservice.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Three made-up accounts, answered by Heard itself, so the sandbox demo shows account commands working before a
 * company connects its own system. Used only while the sandbox is on and no lookup URL is set.
 */
class DemoAccountSystem implements AccountSystem {

    private record Account(String secret, Map<String, String> values) {}

    private static final Map<String, Account> ACCOUNTS = Map.of(
            "1001",
            new Account(
                    "2468",
                    Map.of(
                            "balance", "£12.40",
                            "data_left", "3.2 GB of 10 GB",
                            "renews", "1 December",
                            "charges", "£10.00 plan, £2.40 calls abroad")),
            "1002",
            new Account(
                    "1357",
                    Map.of(
                            "balance", "£0.00",
                            "data_left", "0 GB of 5 GB",
                            "renews", "28 November",
                            "charges", "£15.00 plan")),
            "1003",
            new Account(
                    "9999",
                    Map.of(
                            "balance", "-£4.10 (in credit)",
                            "data_left", "unlimited data",
                            "renews", "3 December",
                            "charges", "£25.00 plan")));

    @Override
    public Optional<String> verify(String account, String secret) {
        var found = ACCOUNTS.get(account.strip());
        return found != null && found.secret().equals(secret.strip())
                ? Optional.of("demo-" + account.strip())
                : Optional.empty();
    }

    @Override
    public Map<String, String> values(String customerRef, String command) {
        var found = ACCOUNTS.get(customerRef.replaceFirst("^demo-", ""));
        if (found == null) {
            throw new LookupFailed("The demo accounts have no customer " + customerRef + ".");
        }
        return found.values();
    }

    @Override
    public String description() {
        return "Heard's demo accounts (sandbox): account 1001 with PIN 2468, 1002 with 1357, 1003 with 9999";
    }
}
