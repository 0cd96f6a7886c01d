package org.heard.channels.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The words of an HTML mail as plain text. Only text nodes are read, so no tag, attribute, script or
 * style survives; block elements become line breaks. Quoted history that mail clients mark in their
 * HTML is left out: {@code blockquote} (Apple Mail, Thunderbird), Gmail's {@code gmail_quote} and what
 * follows Outlook's {@code appendonsend} marker.
 */
final class HtmlText {

    private static final String NOT_TEXT = "head, script, style, template, noscript, object, svg, iframe";
    private static final String QUOTED_HISTORY =
            "blockquote, div.gmail_quote, #divRplyFwdMsg, #appendonsend, #appendonsend ~ *";
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr",
            "section", "article", "header", "footer", "address", "dd", "dt");

    private HtmlText() {}

    static String of(String html) {
        var document = Jsoup.parse(html);
        document.select(NOT_TEXT).remove();
        document.select(QUOTED_HISTORY).remove();
        var text = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode words) {
                    text.append(inPre(words) ? words.getWholeText() : words.text());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element
                        && BLOCKS.contains(element.normalName())
                        && !element.normalName().equals("br")) {
                    text.append('\n');
                }
            }
        });
        return text.toString()
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static boolean inPre(TextNode node) {
        return node.parent() instanceof Element parent && parent.closest("pre") != null;
    }
}
