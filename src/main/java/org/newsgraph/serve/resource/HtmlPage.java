package org.newsgraph.serve.resource;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.newsgraph.vocab.NewsVocab;

/**
 * Renders a resource description as an HTML page for browsers: its title, its pictures (drawn by
 * the query page's {@code pictures.js} from named queries, with the libraries the server serves
 * itself), a table of its properties (links to other resources of the store dereference in turn),
 * and the related coverage in both directions. Every text from the data is escaped. Stateless.
 */
final class HtmlPage {

  private HtmlPage() {}

  /** The versioned paths of the picture libraries, as the server serves them from their WebJars. */
  private static final List<String> SCRIPTS =
      List.of(
          "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js",
          "/webjars/chart.js/4.5.1/dist/chart.umd.min.js",
          "/assets/terms.js",
          "/assets/pictures.js",
          "/assets/resource-page.js");

  private static final Node FIRST_REPORT = NodeFactory.createURI(NewsVocab.NS + "firstReport");

  /** The page for a resource of a kind (article, provider, topic, story) and its description. */
  static String render(Node iri, String kind, Graph g, PrefixMapping prefixes) {
    String title = title(g, iri, kind);
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(escape(title))
        .append("</title>")
        .append("<link rel=\"alternate\" type=\"text/turtle\" href=\"")
        .append(escape(iri.getURI()))
        .append("\">")
        .append("<link rel=\"stylesheet\" href=\"/assets/pictures.css\">")
        .append("<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\">")
        .append("<style>body{font-family:sans-serif;max-width:70em;margin:1em auto;padding:0 1em}")
        .append(
            "td{vertical-align:top;padding:.2em .6em}th{text-align:left}</style></head><body>\n")
        .append("<h1>")
        .append(escape(title))
        .append("</h1>\n<p><code>")
        .append(escape(iri.getURI()))
        .append("</code></p>\n");
    pictures(html, iri, kind, g);
    html.append("<table>\n");
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
    for (String script : SCRIPTS) {
      html.append("<script src=\"").append(script).append("\"></script>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  /**
   * The element the pictures script draws in, with what it needs to know: a story's network and
   * timeline drawn from its first report, an article's story with the article marked, a provider's
   * citation neighbourhood and articles per month, a topic's timeline.
   */
  private static void pictures(StringBuilder html, Node iri, String kind, Graph g) {
    html.append("<section id=\"pictures\" class=\"pictures\" data-kind=\"")
        .append(escape(kind))
        .append("\" data-iri=\"")
        .append(escape(iri.getURI()))
        .append('"');
    String article = null;
    if (kind.equals("article")) {
      article = iri.getURI();
    } else if (kind.equals("story")) {
      article =
          g.find(iri, FIRST_REPORT, Node.ANY)
              .mapWith(Triple::getObject)
              .filterKeep(Node::isURI)
              .nextOptional()
              .map(Node::getURI)
              .orElse(null);
    }
    if (article != null) {
      html.append(" data-article=\"").append(escape(article)).append('"');
    }
    String domain = ResourceDescriber.literal(g, iri, NewsVocab.DOMAIN);
    if (kind.equals("provider") && domain != null) {
      html.append(" data-domain=\"").append(escape(domain)).append('"');
    }
    html.append("></section>\n");
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

  private static String title(Graph g, Node iri, String kind) {
    String label = label(g, iri);
    if (label == null && kind.equals("story")) {
      // A story has no name of its own: it goes by its first report's headline.
      label =
          g.find(iri, FIRST_REPORT, Node.ANY)
              .mapWith(Triple::getObject)
              .nextOptional()
              .map(first -> label(g, first))
              .map(first -> "Story: " + first)
              .orElse(null);
    }
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
