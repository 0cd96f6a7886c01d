package org.heard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A human-labelled corpus from {@code src/test/resources/corpus/} (see its README): sentences with
 * class 1 (positive) or 0 (negative).
 */
record Corpus(String name, List<Labelled> sentences) {

    record Labelled(String text, boolean positive) {}

    static Corpus load(String name) {
        try (var in = Corpus.class.getResourceAsStream("/corpus/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus " + name + " under src/test/resources/corpus");
            }
            var sentences = new ArrayList<Labelled>();
            // The files end with an empty, unlabelled entry, which is no sentence.
            JsonMapper.builder().build().readTree(in).forEach(node -> {
                if (node.hasNonNull("class") && !node.get("text").asString().isBlank()) {
                    sentences.add(new Labelled(
                            node.get("text").asString(), node.get("class").asInt() == 1));
                }
            });
            return new Corpus(name, List.copyOf(sentences));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long positives() {
        return sentences.stream().filter(Labelled::positive).count();
    }
}
