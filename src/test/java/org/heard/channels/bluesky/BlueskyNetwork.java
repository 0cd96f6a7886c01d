package org.heard.channels.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;
import org.heard.channels.ChannelAccount;
import org.heard.channels.Credentials;

/** A Bluesky PDS double: the answers its XRPC methods give, shaped as the lexicons document them. */
final class BlueskyNetwork {

    static final String BRAND = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    static final String HANDLE = "heardbrand.bsky.social";
    static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    static final String ACCESS = "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.access-one.sig";
    static final String REFRESH = "eyJ0eXAiOiJyZWZyZXNoK2p3dCIsImFsZyI6IkVTMjU2SyJ9.refresh-one.sig";
    static final String MENTION = "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbtq6kz3ks2c";
    static final String MENTION_CID = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm";

    private BlueskyNetwork() {}

    static ChannelAccount account(String baseUrl) {
        return new ChannelAccount(
                9,
                "bluesky",
                "k9",
                BRAND,
                "@" + HANDLE,
                null,
                Credentials.of(Map.of(
                        BlueskySessions.HANDLE, HANDLE,
                        BlueskySessions.APP_PASSWORD, APP_PASSWORD,
                        BlueskySessions.SERVICE_URL, baseUrl)));
    }

    static String session(String access, String refresh) {
        return """
                {"accessJwt":"%s","refreshJwt":"%s","handle":"%s","did":"%s",\
                "didDoc":{"@context":["https://www.w3.org/ns/did/v1"],"id":"%s"},\
                "email":"care@heard.example","emailConfirmed":true,"emailAuthFactor":false,"active":true}""".formatted(access, refresh, HANDLE, BRAND, BRAND);
    }

    /** A post view as {@code app.bsky.feed.getPosts} returns it; {@code reply} is the record's, or null. */
    static String posts(String uri, String cid, String replyJson) {
        return """
                {"posts":[{"uri":"%s","cid":"%s","author":{"did":"did:plc:z72i7hdynmk6r22z27h6tvur",\
                "handle":"maria-g.bsky.social","displayName":"María García","labels":[]},\
                "record":{"$type":"app.bsky.feed.post","createdAt":"2026-11-23T07:49:01.940Z",\
                "langs":["en"],%s"text":"my order #4471 is late"},"replyCount":0,"repostCount":0,\
                "likeCount":0,"quoteCount":0,"indexedAt":"2026-11-23T07:49:02.410Z","labels":[]}]}""".formatted(uri, cid, replyJson == null ? "" : "\"reply\":" + replyJson + ",");
    }

    static void signsIn(WireMockServer network) {
        network.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                .willReturn(json(200, session(ACCESS, REFRESH))));
    }

    /** The chat service through the PDS: an empty log, and the app password may read direct messages. */
    static void chatIsQuiet(WireMockServer network) {
        network.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog"))
                .withHeader("atproto-proxy", equalTo("did:web:api.bsky.chat#bsky_chat"))
                .willReturn(json(200, "{\"cursor\":\"2222223lbtqa0002e\",\"logs\":[]}")));
        network.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.listConvos"))
                .withHeader("atproto-proxy", equalTo("did:web:api.bsky.chat#bsky_chat"))
                .willReturn(json(200, "{\"convos\":[]}")));
    }

    static void hasNoEarlierTry(WireMockServer network) {
        network.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .willReturn(json(
                        400,
                        "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record: at://" + BRAND
                                + "/app.bsky.feed.post/3jzfcijpj2z2a\"}")));
    }

    static void showsPost(WireMockServer network, String uri, String cid, String replyJson) {
        network.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                .withQueryParam("uris", equalTo(uri))
                .willReturn(json(200, posts(uri, cid, replyJson))));
    }

    static String created(String rkey) {
        return """
                {"uri":"at://%s/app.bsky.feed.post/%s",\
                "cid":"bafyreibjifzpqj6o6wcq3hejh7y4z4z2vmiklkvykc57tw3pcbx3kxifpm",\
                "commit":{"cid":"bafyreihpj7k6zqq7h5hqlw2t7lpn4r6nozs5avynmxbfs4wsaotmwnxeam","rev":"3lbtqh6jwv22a"},\
                "validationStatus":"valid"}""".formatted(BRAND, rkey);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
