package org.heard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.heard.triage.Sentiment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts customers write to companies, labelled by Heard's developers (see
 * {@code src/test/resources/corpus/README.md}): whether each is a complaint, how it feels, and what
 * kind of post it is.
 *
 * @param name the file's name without {@code .json}, such as {@code care-heldout}
 */
record CarePosts(String name, List<Post> posts) {

    /**
     * One labelled post.
     *
     * @param kind complaint, praise, question, chatter, sarcasm or mixed
     * @param industry the kind of company it was written to
     */
    record Post(String text, boolean complaint, Sentiment sentiment, String kind, String industry) {

        /** Praise and plain questions: the posts a care team must never find ranked as complaints. */
        boolean praiseOrQuestion() {
            return !complaint && (kind.equals("praise") || kind.equals("question"));
        }
    }

    static CarePosts load(String name) {
        try (var in = CarePosts.class.getResourceAsStream("/corpus/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No posts " + name + " under src/test/resources/corpus");
            }
            var posts = new ArrayList<Post>();
            JsonMapper.builder()
                    .build()
                    .readTree(in)
                    .forEach(node -> posts.add(new Post(
                            node.get("text").asString(),
                            node.get("complaint").asBoolean(),
                            Sentiment.valueOf(node.get("sentiment").asString().toUpperCase(Locale.ROOT)),
                            node.get("kind").asString(),
                            node.get("industry").asString())));
            return new CarePosts(name, List.copyOf(posts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
