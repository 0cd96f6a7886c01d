package org.heard.channels.meta;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a Graph API answer as Heard reads it, for the Meta networks and Threads alike: Threads answers in the
 * Graph API's shape too.
 *
 * @param json the body, or null when it is not JSON
 * @param error the {@code error} object the body carries, or null
 */
public record GraphAnswerBody(
        @Nullable JsonNode json, @Nullable GraphError error) {

    /** Reads a body; one that is not JSON, or whose error has an unexpected shape, is read as no body at all. */
    public static GraphAnswerBody read(JsonMapper mapper, String body) {
        try {
            var json = mapper.readTree(body);
            var errorNode = json == null ? null : json.get("error");
            var error =
                    errorNode != null && errorNode.isObject() ? mapper.treeToValue(errorNode, GraphError.class) : null;
            return new GraphAnswerBody(json, error);
        } catch (JacksonException notJson) {
            return new GraphAnswerBody(null, null);
        }
    }
}
