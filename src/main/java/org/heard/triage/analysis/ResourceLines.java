package org.heard.triage.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** The analyser's word lists, kept as text files in Heard's jar so that they read as data. */
final class ResourceLines {

    private ResourceLines() {}

    /** Each line that is neither blank nor a "#" comment, split at the separator, with its number. */
    static void read(String resource, char separator, BiConsumer<String[], Integer> row) {
        var stream = ResourceLines.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("The resource " + resource + " is missing from Heard's jar");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    row.accept(line.split(Pattern.quote(String.valueOf(separator))), number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
