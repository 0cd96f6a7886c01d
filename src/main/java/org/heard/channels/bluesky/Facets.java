package org.heard.channels.bluesky;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.heard.channels.SendFailed;
import org.heard.channels.bluesky.BlueskyPayloads.ByteSlice;
import org.heard.channels.bluesky.BlueskyPayloads.Facet;
import org.heard.channels.bluesky.BlueskyPayloads.Feature;
import org.jspecify.annotations.Nullable;

/**
 * Finds the @mentions and links in a reply and marks them as rich-text facets
 * (<a href="https://docs.bsky.app/docs/advanced-guides/post-richtext">docs</a>). Bluesky shows a link or
 * a mention only where a facet says so, and a facet counts in UTF-8 bytes, not characters: an emoji
 * before a link moves it by four bytes. A handle that does not resolve to a DID stays plain text.
 */
final class Facets {

    /** Handles as the docs' own example finds them: dotted labels after a start, a space or a bracket. */
    private static final Pattern MENTION = Pattern.compile(
            "(?<=^|[\\s(])@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)");

    private static final Pattern LINK = Pattern.compile("(?<=^|[\\s(])https?://[^\\s]+");

    /** Looks up the DID of a handle, or null if there is none. */
    @FunctionalInterface
    interface Handles {
        @Nullable
        String did(String handle) throws SendFailed;
    }

    private Facets() {}

    static List<Facet> of(String text, Handles handles) throws SendFailed {
        var facets = new ArrayList<Marked>();
        var mentions = MENTION.matcher(text);
        while (mentions.find()) {
            var did = handles.did(mentions.group(1));
            if (did != null) {
                facets.add(new Marked(mentions.start(), mentions.end(), Feature.mention(did)));
            }
        }
        var links = LINK.matcher(text);
        while (links.find()) {
            var link = trimTrailingPunctuation(links.group());
            facets.add(new Marked(links.start(), links.start() + link.length(), Feature.link(link)));
        }
        facets.sort(Comparator.comparingInt(Marked::start));
        return facets.stream()
                .map(marked -> new Facet(
                        new ByteSlice(bytes(text, marked.start()), bytes(text, marked.end())),
                        List.of(marked.feature())))
                .toList();
    }

    /** "see https://x.example/a." links to https://x.example/a, as people mean it. */
    private static String trimTrailingPunctuation(String link) {
        var end = link.length();
        while (end > 0 && ".,;:!?\"'".indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end > 0 && link.charAt(end - 1) == ')' && link.indexOf('(') < 0) {
            end--;
        }
        return link.substring(0, end);
    }

    private static int bytes(String text, int chars) {
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }

    private record Marked(int start, int end, Feature feature) {}
}
