package org.heard.channels;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heard.platform.Refused;

/**
 * A message the network approved in advance, which it takes even when the customer's messaging window has closed
 * (WhatsApp's message templates). Its body names its variables {@code {{1}}}, {@code {{2}}} …
 *
 * @param name the network's name for it, such as {@code order_update}
 * @param language the network's language code, such as {@code en_US}
 * @param body the text the customer reads, with its variables
 */
public record MessageTemplate(String name, String language, String body) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\d+)}}");

    public MessageTemplate {
        if (name == null || name.isBlank() || language == null || language.isBlank() || body == null) {
            throw new IllegalArgumentException("A template has a name, a language and a body");
        }
    }

    /** How many variables the body has: the highest {@code {{n}}} in it. */
    public int variables() {
        int highest = 0;
        var matcher = VARIABLE.matcher(body);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest;
    }

    /** The numbers 1 … {@link #variables()}, for a form with one input per variable. */
    public List<Integer> variableNumbers() {
        return java.util.stream.IntStream.rangeClosed(1, variables()).boxed().toList();
    }

    /**
     * The body as the customer will read it.
     *
     * @throws Refused naming the first variable without a value
     */
    public String fill(List<String> values) {
        for (int n = 1; n <= variables(); n++) {
            if (n > values.size()
                    || values.get(n - 1) == null
                    || values.get(n - 1).isBlank()) {
                throw new Refused("The template " + name + " needs a value for {{" + n + "}}.");
            }
        }
        var matcher = VARIABLE.matcher(body);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(Integer.parseInt(matcher.group(1)) - 1).strip();
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** This template chosen with these values. */
    public TemplateChoice choose(List<String> values) {
        fill(values);
        return new TemplateChoice(
                name,
                language,
                values.subList(0, variables()).stream().map(String::strip).toList());
    }
}
