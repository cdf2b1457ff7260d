package org.newsgraph.serve.resource;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.newsgraph.vocab.NewsVocab;

/**
 * Renders a resource description as a self-contained HTML page for browsers: its title, a table of
 * its properties (links to other resources of the store dereference in turn), and the related
 * coverage in both directions. Every text from the data is escaped. Stateless.
 */
final class HtmlPage {

  private HtmlPage() {}

  /** The page for a resource and its description. */
  static String render(Node iri, Graph g, PrefixMapping prefixes) {
    String title = title(g, iri);
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(escape(title))
        .append("</title>")
        .append("<link rel=\"alternate\" type=\"text/turtle\" href=\"")
        .append(escape(iri.getURI()))
        .append("\">")
        .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}")
        .append(
            "td{vertical-align:top;padding:.2em .6em}th{text-align:left}</style></head><body>\n")
        .append("<h1>")
        .append(escape(title))
        .append("</h1>\n<p><code>")
        .append(escape(iri.getURI()))
        .append("</code></p>\n<table>\n");
    List<Triple> own = g.find(iri, Node.ANY, Node.ANY).toList();
    own.sort(
        Comparator.comparing((Triple t) -> t.getPredicate().getURI())
            .thenComparing(t -> t.getObject().toString()));
    for (Triple t : own) {
      html.append("<tr><th>")
          .append(escape(prefixes.shortForm(t.getPredicate().getURI())))
          .append("</th><td>")
          .append(value(g, t.getObject()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    related(
        html,
        "Related coverage cited here",
        g.find(iri, NewsVocab.RELATED, Node.ANY).mapWith(Triple::getObject).toList(),
        g);
    related(
        html,
        "Coverage that cites this",
        g.find(Node.ANY, NewsVocab.RELATED, iri).mapWith(Triple::getSubject).toList(),
        g);
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void related(StringBuilder html, String heading, List<Node> nodes, Graph g) {
    if (nodes.isEmpty()) {
      return;
    }
    html.append("<h2>").append(escape(heading)).append("</h2>\n<ul>\n");
    nodes.stream()
        .sorted(Comparator.comparing(Node::getURI))
        .forEach(n -> html.append("<li>").append(value(g, n)).append("</li>\n"));
    html.append("</ul>\n");
  }

  private static String value(Graph g, Node o) {
    if (o.isURI()) {
      String label = label(g, o);
      String text = label != null ? label : o.getURI();
      return "<a href=\"" + escape(o.getURI()) + "\">" + escape(text) + "</a>";
    }
    if (o.isLiteral()) {
      return escape(o.getLiteralLexicalForm());
    }
    return escape(o.toString());
  }

  private static String title(Graph g, Node iri) {
    String label = label(g, iri);
    return label != null ? label : iri.getURI();
  }

  private static String label(Graph g, Node node) {
    for (Node p : ResourceDescriber.LABELS) {
      String value = ResourceDescriber.literal(g, node, p);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
