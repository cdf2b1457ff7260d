package org.newsgraph.serve.resource;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.export.Exporter;

/**
 * Makes the data's IRIs dereferenceable: answers {@code GET} on {@code
 * {base}article|provider|topic|story/...} with the resource's description, in Turtle, JSON-LD,
 * N-Triples or an HTML page, chosen by the {@code Accept} header ({@code Vary: Accept}); 404 for
 * IRIs the store knows nothing about, 406 when no offered type is acceptable.
 *
 * <p>Mount it at the path of the base IRI: with base {@code http://host:port/id/}, at {@code
 * /id/*}. The resource IRI is the base followed by the request's path info. Read-only and
 * thread-safe.
 */
public final class DescribeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Set<String> KINDS = Set.of("article", "provider", "topic", "story");
  private static final String TURTLE = "text/turtle";
  private static final String JSONLD = "application/ld+json";
  private static final String NTRIPLES = "application/n-triples";
  private static final String HTML = "text/html";
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  /** What the servlet offers, in order of preference when the client has none (*&#47;*). */
  private static final AcceptList OFFERS = AcceptList.create(TURTLE, JSONLD, NTRIPLES, HTML);

  private final transient ResourceDescriber describer;
  private final String base;

  /**
   * @param dataset the store's dataset (read in read transactions)
   * @param base the data base IRI, ending in {@code /}
   */
  public DescribeServlet(DatasetGraph dataset, String base) {
    this.describer = new ResourceDescriber(dataset);
    this.base = base;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    Node iri = resourceIri(path);
    if (iri == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "not a resource of this store: " + path);
      return;
    }
    String accept = request.getHeader("Accept");
    MediaType chosen =
        AcceptList.match(
            new AcceptList(accept == null || accept.isBlank() ? "*/*" : accept), OFFERS);
    response.setHeader("Vary", "Accept");
    if (chosen == null) {
      response.sendError(
          HttpServletResponse.SC_NOT_ACCEPTABLE,
          "offered: " + TURTLE + ", " + JSONLD + ", " + NTRIPLES + ", " + HTML);
      return;
    }
    Graph description = describer.describe(iri);
    if (description.isEmpty()) {
      response.sendError(
          HttpServletResponse.SC_NOT_FOUND, "nothing is known about " + iri.getURI());
      return;
    }
    description.getPrefixMapping().setNsPrefixes(Exporter.PREFIXES);
    write(response, chosen.getContentTypeStr(), iri, description);
  }

  private void write(HttpServletResponse response, String type, Node iri, Graph g)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setCharacterEncoding("UTF-8");
    response.setContentType(type + "; charset=utf-8");
    if (type.equals(HTML)) {
      // The page runs the server's own scripts only (its pictures), never a third party's.
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    try (OutputStream out = response.getOutputStream()) {
      switch (type) {
        case JSONLD -> RDFDataMgr.write(out, g, RDFFormat.JSONLD11);
        case NTRIPLES -> RDFDataMgr.write(out, g, RDFFormat.NTRIPLES);
        case HTML -> {
          String path = iri.getURI().substring(base.length());
          String kind = path.substring(0, path.indexOf('/'));
          out.write(
              HtmlPage.render(
                      iri, kind, g, PrefixMapping.Factory.create().setNsPrefixes(Exporter.PREFIXES))
                  .getBytes(StandardCharsets.UTF_8));
        }
        default -> RDFDataMgr.write(out, g, RDFFormat.TURTLE);
      }
    }
  }

  /** The resource IRI of a request path, or null when the path names no resource kind. */
  private Node resourceIri(String path) {
    if (path == null || path.length() < 2) {
      return null;
    }
    String rest = path.substring(1);
    int slash = rest.indexOf('/');
    if (slash < 1 || slash == rest.length() - 1 || !KINDS.contains(rest.substring(0, slash))) {
      return null;
    }
    String iri = base + rest;
    try {
      return IRIx.create(iri).isAbsolute() ? NodeFactory.createURI(iri) : null;
    } catch (org.apache.jena.irix.IRIException e) {
      return null;
    }
  }
}
