package org.heard.channels.mastodon;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * A status's HTML as the plain text a person reads on Mastodon. Mastodon sends {@code content} as
 * sanitised HTML (<a href="https://docs.joinmastodon.org/spec/activitypub/#sanitization">docs</a>):
 * paragraphs, line breaks, links whose long part hides in {@code span.invisible}, mentions and hashtags
 * as links. Heard keeps the words and the full link addresses, no markup at all, so nothing a
 * customer sends is ever rendered as HTML.
 */
final class StatusText {

    private static final Set<String> BLOCKS =
            Set.of("p", "div", "blockquote", "pre", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6");

    private StatusText() {}

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        var body = Jsoup.parseBodyFragment(html).body();
        // Mastodon adds "RE: <link>" for clients without quote posts and hides it in its own UI.
        body.select("p.quote-inline").remove();
        var text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode words) {
                    text.append(words.text());
                } else if (node instanceof Element element && element.nameIs("br")) {
                    text.append('\n');
                } else if (node instanceof Element element && element.nameIs("li")) {
                    text.append("• ");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append(element.nameIs("li") ? "\n" : "\n\n");
                }
            }
        });
        return text.toString()
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t]*\\n[ \\t]*", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
