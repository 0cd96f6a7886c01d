package org.heard.channels.x;

import java.util.List;
import java.util.Locale;
import org.heard.channels.ChannelAccount;
import org.heard.channels.CredentialField;
import org.heard.channels.Credentials;
import org.heard.channels.SendFailed;

/** What an admin enters to connect an X account, and how the connector reads it. */
final class XCredentials {

    static final String ACCESS_TOKEN = "access_token";
    static final String CONSUMER_SECRET = "consumer_secret";
    static final String BRAND_TERMS = "brand_terms";
    static final String ACCOUNT_ACTIVITY = "account_activity";

    static final List<CredentialField> FIELDS = List.of(
            CredentialField.secret(
                    ACCESS_TOKEN,
                    "User access token (OAuth 2.0)",
                    "An OAuth 2.0 user-context token of the brand account with the scopes tweet.read, tweet.write,"
                            + " users.read, dm.read and dm.write (developer.x.com → your app → Keys and tokens)."),
            CredentialField.plain(
                    BRAND_TERMS,
                    "Brand terms",
                    "Words to look for in recent posts besides @mentions, separated by commas, such as"
                            + " your brand, product names or a campaign hashtag. Each post found counts against your read budget."),
            CredentialField.plain(
                    ACCOUNT_ACTIVITY,
                    "Account Activity API (yes/no)",
                    "yes only if your X app has the Account Activity API and subscribes this account to Heard's webhook URL."),
            CredentialField.secret(
                    CONSUMER_SECRET,
                    "API key secret (consumer secret)",
                    "Only for the Account Activity API: the app's API Key Secret, which signs X's webhooks."));

    private XCredentials() {}

    static String accessToken(ChannelAccount account) throws SendFailed {
        return account.credentials()
                .find(ACCESS_TOKEN)
                .orElseThrow(() -> SendFailed.refused("The X account has no access token; reconnect it in Heard."));
    }

    /** Whether the admin said the app has the Account Activity API for this account. */
    static boolean accountActivity(Credentials credentials) {
        var value = credentials.getOrNull(ACCOUNT_ACTIVITY);
        return value != null
                && List.of("yes", "y", "true", "on", "1").contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
