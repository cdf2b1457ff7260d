package org.newsgraph.export;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;

/**
 * The coverage links between articles: every article of a story as a node, with its headline,
 * provider, publication time and story; every related link between them as an edge from the citing
 * article to the cited one, and with {@code links=all} the inferred same-story links (both ways)
 * between articles no related link joins, the links the named query {@code coverage} lists. {@code
 * links=given} reads the stories of the records' related links alone, as the named queries do. One
 * story only, when one is given.
 *
 * <p>A node's id is the article's key, the 16 hex digits that end its IRI. Nothing is held per
 * article: the articles and the links stream from two queries; only the providers' names (one entry
 * per provider) are kept while the articles are written.
 */
public final class StoryNetwork implements Network {

  /** The IRI of a node, an attribute of both networks. */
  static final Attribute IRI_ATTRIBUTE = new Attribute("iri", "IRI", Type.IRI);

  private static final Query PROVIDERS = Rows.shipped("network-providers.rq");
  private static final Query ARTICLES = Rows.shipped("story-nodes.rq");
  private static final Query LINKS = Rows.shipped("story-edges.rq");
  private static final Pattern ARTICLE_KEY = Pattern.compile("/article/([0-9a-f]{16})$");

  private final GraphStore store;
  private final Binding parameters;

  /**
   * A story network.
   *
   * @param store the store
   * @param links {@code given} or {@code all}, as the named queries' {@code links} parameter
   * @param story one story's IRI, or null for every story
   */
  public StoryNetwork(GraphStore store, String links, Node story) {
    if (!links.equals("given") && !links.equals("all")) {
      throw new IllegalArgumentException("links must be given or all: " + links);
    }
    this.store = store;
    BindingBuilder b = Binding.builder();
    b.add(Var.alloc("links"), NodeFactory.createLiteralString(links));
    if (story != null) {
      b.add(Var.alloc("story"), story);
    }
    this.parameters = b.build();
  }

  @Override
  public String name() {
    return "story-network";
  }

  @Override
  public String description() {
    return "Articles of stories; an edge for each coverage link, from the citing article to the"
        + " cited one (related) or both ways (same-story, inferred).";
  }

  @Override
  public List<Attribute> nodeAttributes() {
    return List.of(
        new Attribute("provider", "Provider", Type.STRING),
        new Attribute("domain", "Domain", Type.STRING),
        new Attribute("published", "Published", Type.STRING),
        new Attribute("story", "Story", Type.IRI),
        IRI_ATTRIBUTE);
  }

  @Override
  public List<Attribute> edgeAttributes() {
    return List.of(new Attribute("kind", "Kind", Type.STRING));
  }

  @Override
  public boolean weighted() {
    return false;
  }

  @Override
  public long nodes(NodeSink sink) {
    Map<Node, String[]> providers = new HashMap<>();
    Rows.select(
        store,
        PROVIDERS,
        BindingFactory.empty(),
        row ->
            providers.put(
                row.get("provider"),
                new String[] {
                  row.get("name").getLiteralLexicalForm(), row.get("domain").getLiteralLexicalForm()
                }));
    Fold fold = new Fold(sink, providers);
    Rows.select(store, ARTICLES, parameters, fold::add);
    fold.flush();
    return fold.written;
  }

  @Override
  public long edges(EdgeSink sink) {
    return Rows.select(
        store,
        LINKS,
        parameters,
        row ->
            sink.edge(
                id(row.get("source")),
                id(row.get("target")),
                1,
                List.of(row.get("kind").getLiteralLexicalForm())));
  }

  /** The node id of an article: the key that ends its IRI, or the whole IRI for any other. */
  static String id(Node article) {
    String iri = article.getURI();
    Matcher m = ARTICLE_KEY.matcher(iri);
    return m.find() ? m.group(1) : iri;
  }

  /**
   * Folds the rows of one article (they arrive together) into one node: for each fact, the value of
   * the article's own record when it has one, else the smallest any record gives, so that the
   * choice does not depend on the order of the rows.
   */
  private static final class Fold {
    private final NodeSink sink;
    private final Map<Node, String[]> providers;
    private long written;
    private Node article;
    private Node own;
    private Node story;
    private final Choice headline = new Choice();
    private final Choice published = new Choice();
    private final Choice publisher = new Choice();

    Fold(NodeSink sink, Map<Node, String[]> providers) {
      this.sink = sink;
      this.providers = providers;
    }

    void add(Binding row) {
      Node a = row.get("article");
      if (!a.equals(article)) {
        flush();
        article = a;
        own = IriFactory.ownGraphOfArticle(a);
        story = row.get("story");
      }
      Node field = row.get("field");
      Node value = row.get("value");
      if (field == null || value == null) {
        return;
      }
      boolean fromOwn = row.get("g").equals(own);
      switch (field.getLiteralLexicalForm()) {
        case "headline" -> {
          if (value.isLiteral()) {
            headline.offer(value.getLiteralLexicalForm(), fromOwn);
          }
        }
        case "published" -> {
          if (value.isLiteral()) {
            published.offer(value.getLiteralLexicalForm(), fromOwn);
          }
        }
        case "publisher" -> {
          if (value.isURI()) {
            publisher.offer(value.getURI(), fromOwn);
          }
        }
        default -> throw new IllegalStateException("unexpected field " + field);
      }
    }

    void flush() {
      if (article == null) {
        return;
      }
      String[] provider =
          publisher.value == null ? null : providers.get(NodeFactory.createURI(publisher.value));
      sink.node(
          id(article),
          headline.value,
          Arrays.asList(
              provider == null ? null : provider[0],
              provider == null ? null : provider[1],
              published.value,
              story.getURI(),
              article.getURI()));
      written++;
      article = null;
      headline.clear();
      published.clear();
      publisher.clear();
    }
  }

  /** The value kept for one fact: the own record's first, then the smallest. */
  private static final class Choice {
    private String value;
    private boolean own;

    void offer(String candidate, boolean fromOwn) {
      boolean better =
          value == null || (fromOwn && !own) || (fromOwn == own && candidate.compareTo(value) < 0);
      if (better) {
        value = candidate;
        own = fromOwn;
      }
    }

    void clear() {
      value = null;
      own = false;
    }
  }
}
