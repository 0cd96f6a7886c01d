package org.heard.replies;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heard.conversations.ConversationCustomers;
import org.heard.identity.Colleagues;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Fills in the variables of a saved reply, a broadcast or any text an agent starts from: {@code {{first_name}}},
 * {@code {{agent_name}}} and the others of {@link #STANDARD}. A variable with no value is left as written and
 * reported, so the text is never sent with {@code {{…}}} in it: the preview shows it, and sending refuses it.
 */
@Service
public class ReplyVariables {

    /** A variable as written: {@code {{name}}}, spaces inside the braces allowed. */
    public static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** The variables Heard fills in for a conversation, with what each becomes. */
    public static final Map<String, String> STANDARD = standard();

    private final ConversationCustomers customers;
    private final Colleagues colleagues;
    private final String brand;

    ReplyVariables(
            ConversationCustomers customers,
            Colleagues colleagues,
            @Value("${heard.replies.brand:${heard.brand.name:}}") String brand) {
        this.customers = customers;
        this.colleagues = colleagues;
        this.brand = brand.strip();
    }

    /**
     * A text with its variables filled in.
     *
     * @param text the text, with what could be filled in filled in and the rest left as written
     * @param missing variables Heard knows but has no value for here, such as a customer with no name on show
     * @param unknown variables Heard does not know, such as a typo ({{frist_name}})
     */
    public record Rendered(String text, List<String> missing, List<String> unknown) {

        public boolean complete() {
            return missing.isEmpty() && unknown.isEmpty();
        }

        /** What to do before sending, in words for the agent; null when the text is complete. */
        public @Nullable String problem() {
            if (!unknown.isEmpty()) {
                return braces(unknown) + (unknown.size() == 1 ? " is not a variable" : " are not variables")
                        + " Heard knows: write the words in its place before sending.";
            }
            if (!missing.isEmpty()) {
                return "Fill in " + braces(missing) + " before sending: Heard has no value for it here.";
            }
            return null;
        }

        private static String braces(List<String> names) {
            return String.join(", ", names.stream().map(n -> "{{" + n + "}}").toList());
        }
    }

    /**
     * Fills in the variables that have a non-blank value; the others stay as written and are reported.
     *
     * @param values values by variable name; names are matched without regard to case
     */
    public Rendered render(String text, Map<String, String> values) {
        var missing = new LinkedHashSet<String>();
        var unknown = new LinkedHashSet<String>();
        var filled = VARIABLE.matcher(text).replaceAll(variable -> {
            var name = variable.group(1).toLowerCase(Locale.ROOT);
            var value = values.get(name);
            if (value != null && !value.isBlank()) {
                return Matcher.quoteReplacement(value);
            }
            (STANDARD.containsKey(name) || values.containsKey(name) ? missing : unknown).add(name);
            return Matcher.quoteReplacement(variable.group());
        });
        return new Rendered(filled, List.copyOf(missing), List.copyOf(unknown));
    }

    /** The variables still written in a text, by name, once each. */
    public static List<String> unfilled(String text) {
        var names = new LinkedHashSet<String>();
        VARIABLE.matcher(text).results().forEach(m -> names.add(m.group(1)));
        return List.copyOf(names);
    }

    /**
     * The standard values for an agent's reply in a conversation; a variable with no value here is absent. The first
     * name is the first word of the customer's display name, absent when the display name is only their handle.
     */
    public Map<String, String> values(long conversationId, long userId) {
        var values = new LinkedHashMap<String, String>();
        colleagues.find(userId).ifPresent(agent -> {
            values.put("agent_name", agent.name());
            values.put("agent_first_name", firstWord(agent.name()));
        });
        customers.of(conversationId).ifPresent(customer -> {
            var name = customer.displayName().strip();
            boolean onlyHandle = name.isEmpty() || name.equalsIgnoreCase(customer.handle());
            if (!onlyHandle) {
                values.put("name", name);
                values.put("first_name", firstWord(name));
            }
            if (customer.handle() != null && !customer.handle().isBlank()) {
                values.put("handle", "@" + customer.handle());
            }
            values.put("channel", customer.channel());
            values.put("brand", brand.isEmpty() ? customer.account() : brand);
        });
        values.values().removeIf(String::isBlank);
        return values;
    }

    private static String firstWord(String name) {
        for (var word : name.strip().split("\\s+")) {
            var trimmed = word.replaceAll("^[^\\p{L}]+|[^\\p{L}'’-]+$", "");
            if (!trimmed.isEmpty()) {
                return trimmed;
            }
        }
        return "";
    }

    private static Map<String, String> standard() {
        var standard = new LinkedHashMap<String, String>();
        standard.put("first_name", "the customer's first name, from the name on their profile");
        standard.put("name", "the customer's name as their profile shows it");
        standard.put("handle", "the customer's @handle");
        standard.put("agent_name", "your name");
        standard.put("agent_first_name", "your first name");
        standard.put("channel", "the network, such as x or email");
        standard.put("brand", "the brand's name (heard.brand.name, else the account)");
        return java.util.Collections.unmodifiableMap(standard);
    }
}
