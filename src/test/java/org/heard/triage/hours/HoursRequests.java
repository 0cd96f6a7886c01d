package org.heard.triage.hours;

import java.net.http.HttpRequest;
import org.heard.HeardClient;
import tools.jackson.databind.json.JsonMapper;

/** JSON requests with any method, for the hours and service-level APIs. */
final class HoursRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HoursRequests() {}

    static HeardClient.Response send(HeardClient client, String method, String path, Object body) {
        return client.send(client.request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }
}
