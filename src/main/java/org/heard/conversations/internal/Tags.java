package org.heard.conversations.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.heard.platform.Refused;

/**
 * Tags as agents type them: one word each, any letters or digits, dashes and underscores inside, up to 40 characters;
 * a leading {@code #} is allowed and dropped, case is not kept ("#Refund" and "refund" are one tag).
 */
final class Tags {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,39}");
    private static final Pattern BETWEEN = Pattern.compile("[\\s,]+");

    private Tags() {}

    /** The tags in what was typed: separated by commas or spaces, each once, in the order written. */
    static List<String> read(Collection<String> written) {
        var tags = new LinkedHashSet<String>();
        for (var text : written) {
            for (var part : BETWEEN.split(text == null ? "" : text.strip())) {
                var tag = part.startsWith("#") ? part.substring(1) : part;
                if (tag.isEmpty()) {
                    continue;
                }
                if (!TAG.matcher(tag).matches()) {
                    throw new Refused("“" + part + "” cannot be a tag: a tag is one word of letters or"
                            + " digits (dashes and underscores inside), up to 40 characters.");
                }
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        if (tags.isEmpty()) {
            throw new Refused("Write the tag to add, such as refund or outage.");
        }
        return List.copyOf(tags);
    }
}
