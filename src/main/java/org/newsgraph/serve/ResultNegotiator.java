package org.newsgraph.serve;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.newsgraph.model.OutputFormat;

/**
 * Chooses the syntax of a named query's results from the {@code Accept} header, or from a {@code
 * format} parameter (a name of {@link OutputFormat}, such as {@code csv}) that wins over the
 * header. Tables (SELECT, ASK) default to SPARQL JSON results, graphs (CONSTRUCT, DESCRIBE) to
 * Turtle. Thread-safe.
 */
final class ResultNegotiator {

  private static final AcceptList TABLE_OFFER =
      AcceptList.create(
          "application/sparql-results+json",
          "application/sparql-results+xml",
          "text/csv",
          "text/tab-separated-values",
          "application/json",
          "application/xml");
  private static final AcceptList GRAPH_OFFER =
      AcceptList.create(
          "text/turtle",
          "application/n-triples",
          "application/ld+json",
          "application/rdf+xml",
          "application/json",
          "application/xml",
          "text/plain");

  private ResultNegotiator() {}

  /**
   * The syntax for a table result.
   *
   * @param accept the Accept header, or null
   * @param format the {@code format} parameter, or null
   * @return the syntax, or null when nothing offered is acceptable (send 406)
   */
  static Lang table(String accept, String format) {
    if (format != null) {
      return OutputFormat.find(format).map(OutputFormat::resultLang).orElse(null);
    }
    MediaType chosen = choose(accept, TABLE_OFFER);
    if (chosen == null) {
      return null;
    }
    return switch (chosen.getContentTypeStr()) {
      case "application/json" -> ResultSetLang.RS_JSON;
      case "application/xml" -> ResultSetLang.RS_XML;
      default -> RDFLanguages.contentTypeToLang(chosen.getContentTypeStr());
    };
  }

  /**
   * The syntax for a graph result.
   *
   * @param accept the Accept header, or null
   * @param format the {@code format} parameter, or null
   * @return the syntax, or null when nothing offered is acceptable (send 406)
   */
  static Lang graph(String accept, String format) {
    if (format != null) {
      // Named as for 'newsgraph query', except text: a table for people, not a media type.
      return OutputFormat.find(format)
          .filter(f -> f != OutputFormat.TEXT)
          .map(OutputFormat::rdfLang)
          .orElse(null);
    }
    MediaType chosen = choose(accept, GRAPH_OFFER);
    if (chosen == null) {
      return null;
    }
    return switch (chosen.getContentTypeStr()) {
      case "application/json" -> Lang.JSONLD;
      case "application/xml" -> Lang.RDFXML;
      case "text/plain" -> Lang.NTRIPLES;
      default -> RDFLanguages.contentTypeToLang(chosen.getContentTypeStr());
    };
  }

  private static MediaType choose(String accept, AcceptList offer) {
    if (accept == null || accept.isBlank()) {
      return offer.first();
    }
    return AcceptList.match(new AcceptList(accept), offer);
  }
}
