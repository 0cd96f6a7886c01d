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

    /** {@code GET /api/v2/instance} as https://docs.joinmastodon.org/methods/instance/#v2 shows it. */
    static String instance(int maxCharacters, String streaming) {
        return """
                {"domain":"mastodon.example","title":"Mastodon","version":"4.3.0",\
                "source_url":"https://github.com/mastodon/mastodon","description":"A Mastodon server",\
                "usage":{"users":{"active_month":1200}},\
                "thumbnail":{"url":"https://files.mastodon.example/site_uploads/files/000/000/001/@1x/57c12f441d083cde.png"},\
                "languages":["en"],\
                "configuration":{"urls":{"streaming":"%s","status":null},\
                "vapid":{"public_key":"BCkMmVlKtAE6PrUxO1N1wpe_DkZ9s2-s_vNjDf4iK8-ZQUpJ5AfZbfj-a9lULbP4dLh9q5xSEpo-zX2qG7u4PtQ="},\
                "accounts":{"max_featured_tags":10,"max_pinned_statuses":5},\
                "statuses":{"max_characters":%d,"max_media_attachments":4,"characters_reserved_per_url":23},\
                "media_attachments":{"supported_mime_types":["image/jpeg","image/png"],"image_size_limit":16777216},\
                "polls":{"max_options":4,"max_characters_per_option":50,"min_expiration":300,"max_expiration":2629746},\
                "translation":{"enabled":false}},\
                "registrations":{"enabled":false,"approval_required":false,"message":null},\
                "contact":{"email":"staff@mastodon.example","account":null},"rules":[]}""".formatted(streaming, maxCharacters);
    }
}
