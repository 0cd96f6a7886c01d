package org.heard.channels.mastodon;

/** Status and Account entities as Mastodon's API answers them, for the look-ups a reply makes. */
final class MastodonFixtures {

    private MastodonFixtures() {}

    static String account(String id, String acct) {
        var username = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
        return """
                {"id":"%s","username":"%s","acct":"%s","display_name":"","locked":false,"bot":false,\
                "created_at":"2022-11-08T00:00:00.000Z","note":"","url":"https://mastodon.example/@%s",\
                "avatar":"https://mastodon.social/avatars/original/missing.png",\
                "avatar_static":"https://mastodon.social/avatars/original/missing.png",\
                "header":"https://mastodon.social/headers/original/missing.png",\
                "header_static":"https://mastodon.social/headers/original/missing.png",\
                "followers_count":12,"following_count":87,"statuses_count":431,\
                "last_status_at":"2026-11-23","emojis":[],"fields":[]}""".formatted(id, username, acct, username);
    }

    static String status(String id, String visibility, String acct) {
        return """
                {"id":"%s","created_at":"2026-11-23T07:49:01.940Z","in_reply_to_id":null,\
                "in_reply_to_account_id":null,"sensitive":false,"spoiler_text":"","visibility":"%s",\
                "language":"en","uri":"https://mastodon.example/users/x/statuses/%s",\
                "url":"https://mastodon.example/@x/%s","replies_count":0,"reblogs_count":0,\
                "favourites_count":0,"content":"<p>test content</p>","reblog":null,\
                "application":{"name":"Heard","website":null},"account":%s,\
                "media_attachments":[],"mentions":[],"tags":[],"emojis":[],"card":null,"poll":null}""".formatted(id, visibility, id, id, account("971724", acct));
    }
}
