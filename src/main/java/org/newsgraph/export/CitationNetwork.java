package org.newsgraph.export;

import java.util.Arrays;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.newsgraph.store.GraphStore;

/**
 * Who cites whom: providers as nodes, and a directed edge from a provider to each provider its
 * articles link to, weighted with the count the named query {@code provider-links} gives. The edges
 * are that query's rows, so their weights add up to its total for the same parameters.
 *
 * <p>A node's id is the provider's domain (the key of its IRI, a lower-case host name); its label
 * is the provider's name.
 */
public final class CitationNetwork implements Network {

  private static final Query PROVIDERS = Rows.shipped("network-providers.rq");

  /**
   * The rows of the named query {@code provider-links} for every provider pair: {@code ?citing} and
   * {@code ?cited} (domains) and {@code ?count}, in a form that joins the domains of every pair at
   * once.
   */
  private static final Query EDGES = Rows.shipped("provider-edges.rq");

  private final GraphStore store;
  private final Binding parameters;

  /**
   * A citation network.
   *
   * @param store the store
   * @param parameters the values of the named query {@code provider-links}'s parameters {@code
   *     self} and {@code links}, bound as terms
   */
  public CitationNetwork(GraphStore store, Binding parameters) {
    this.store = store;
    this.parameters = parameters;
  }

  @Override
  public String name() {
    return "citation-network";
  }

  @Override
  public String description() {
    return "Providers; an edge from a provider to each provider its articles link to, weighted"
        + " with the number of links (the named query provider-links).";
  }

  @Override
  public List<Attribute> nodeAttributes() {
    return List.of(new Attribute("domain", "Domain", Type.STRING), StoryNetwork.IRI_ATTRIBUTE);
  }

  @Override
  public List<Attribute> edgeAttributes() {
    return List.of();
  }

  @Override
  public boolean weighted() {
    return true;
  }

  @Override
  public long nodes(NodeSink sink) {
    return Rows.select(
        store,
        PROVIDERS,
        BindingFactory.empty(),
        row -> {
          String domain = row.get("domain").getLiteralLexicalForm();
          Node name = row.get("name");
          sink.node(
              domain,
              name == null ? null : name.getLiteralLexicalForm(),
              Arrays.asList(domain, row.get("provider").getURI()));
        });
  }

  @Override
  public long edges(EdgeSink sink) {
    return Rows.select(
        store,
        EDGES,
        parameters,
        row ->
            sink.edge(
                row.get("citing").getLiteralLexicalForm(),
                row.get("cited").getLiteralLexicalForm(),
                Long.parseLong(row.get("count").getLiteralLexicalForm()),
                List.of()));
  }
}
