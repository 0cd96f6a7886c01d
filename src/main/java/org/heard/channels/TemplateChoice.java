package org.heard.channels;

import java.util.List;

/**
 * An approved template an agent chose to send, with a value for each of its variables in order.
 *
 * @param variables the values of {@code {{1}}}, {@code {{2}}} …
 */
public record TemplateChoice(String name, String language, List<String> variables) {

    public TemplateChoice {
        if (name == null || name.isBlank() || language == null || language.isBlank()) {
            throw new IllegalArgumentException("A template is chosen by its name and language");
        }
        variables = List.copyOf(variables);
    }
}
