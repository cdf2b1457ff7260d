package org.newsgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Writes the schema.org profile of the store: per article, the JSON-LD object search engines read
 * for news (NewsArticle with headline, dates, url, image, publisher with name, url and logo, about,
 * isBasedOn where the original URL differs), compacted against the schema.org context ({@code
 * "@context": "https://schema.org"}). The output is a JSON array streamed one article object at a
 * time, each object complete with its own context, so any one of them can be cut out and embedded
 * in a page; the whole array is one valid JSON-LD 1.1 document.
 */
public final class SchemaOrgExporter {

  /** The context every object names. */
  public static final String CONTEXT = "https://schema.org";

  /** UN/CEFACT common code for pixels, for the QuantitativeValue of image sizes. */
  static final String PIXELS = "E37";

  private static final Query ARTICLES =
      QueryFactory.create("SELECT DISTINCT ?a WHERE { ?a a <" + NewsVocab.ARTICLE.getURI() + "> }");
  // On the embedded store the union default graph is a set that TDB2 merges as it reads its
  // indexes, so each article comes once without DISTINCT, which would hold every article of the
  // store in the heap until the last (1.56 million at a million records: more than 1 GB).
  private static final Query ARTICLES_OF_A_SET =
      QueryFactory.create("SELECT ?a WHERE { ?a a <" + NewsVocab.ARTICLE.getURI() + "> }");
  private static final Query PROPERTIES =
      QueryFactory.create("SELECT ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
  // Link terms NewsVocab does not have; LinkVocab has them, but link depends on export
  // (AtomicFile).
  private static final Node SKOS_EXACT = NodeFactory.createURI(NewsVocab.SKOS + "exactMatch");
  private static final Node HOMEPAGE = NodeFactory.createURI(NewsVocab.FOAF + "homepage");
  private static final Node SCHEMA_SAME_AS = NewsVocab.schema("sameAs");

  /**
   * How many publishers and topics each keep their object for the next articles that name them. A
   * publisher's and a topic's facts are stated in every record graph that names them (hundreds of
   * thousands of graphs for a large provider at a million records), so reading them again for every
   * article made the export quadratic; the objects do not depend on the article.
   */
  private static final int SHARED_OBJECTS = 4096;

  private final GraphStore store;
  private final Map<Node, JsonObject> publishers = recentlyUsed();
  private final Map<Node, JsonObject> topics = recentlyUsed();

  /** An exporter of a store; it reads a publisher's or a topic's facts once per export. */
  public SchemaOrgExporter(GraphStore store) {
    this.store = store;
  }

  private static Map<Node, JsonObject> recentlyUsed() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Node, JsonObject> eldest) {
        return size() > SHARED_OBJECTS;
      }
    };
  }

  /**
   * Writes one JSON-LD object per article, as a JSON array.
   *
   * @param out the stream; flushed, not closed
   * @return the number of articles written
   */
  public long export(OutputStream out) {
    write(out, "[");
    boolean embedded = store.localDirectory().isPresent();
    long count =
        store.query(
            embedded ? ARTICLES_OF_A_SET : ARTICLES,
            BindingFactory.empty(),
            exec -> {
              long written = 0;
              RowSet rows = exec.select();
              while (rows.hasNext()) {
                JsonObject object = article(rows.next().get("a"));
                write(out, (written++ == 0 ? "\n" : ",\n") + JSON.toString(object).strip());
              }
              return written;
            });
    write(out, "\n]\n");
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  /** The schema.org object of one article. */
  JsonObject article(Node a) {
    Map<Node, List<Node>> p = properties(a);
    JsonObject o = new JsonObject();
    o.put("@context", CONTEXT);
    o.put("@type", type(p));
    o.put("@id", a.getURI());
    literal(p, NewsVocab.SCHEMA_HEADLINE).ifPresent(v -> o.put("headline", v));
    literal(p, NewsVocab.SCHEMA_DESCRIPTION).ifPresent(v -> o.put("description", v));
    literal(p, NewsVocab.SCHEMA_DATE_PUBLISHED).ifPresent(v -> o.put("datePublished", v));
    literal(p, NewsVocab.SCHEMA_DATE_MODIFIED).ifPresent(v -> o.put("dateModified", v));
    String url = iri(p, NewsVocab.SCHEMA_URL);
    if (url != null) {
      o.put("url", url);
    }
    String original = iri(p, NewsVocab.ORIGINAL_URL);
    if (original != null && !original.equals(url)) {
      o.put("isBasedOn", original);
    }
    JsonArray images = new JsonArray();
    for (Node image : p.getOrDefault(NewsVocab.SCHEMA_IMAGE, List.of())) {
      images.add(image(image));
    }
    if (!images.isEmpty()) {
      o.put("image", images);
    }
    Node publisher = first(p, NewsVocab.SCHEMA_PUBLISHER);
    if (publisher != null) {
      o.put("publisher", publishers.computeIfAbsent(publisher, this::publisher));
    }
    JsonArray about = new JsonArray();
    for (Node topic : p.getOrDefault(NewsVocab.SCHEMA_ABOUT, List.of())) {
      about.add(topics.computeIfAbsent(topic, this::topic));
    }
    if (!about.isEmpty()) {
      o.put("about", about);
    }
    return o;
  }

  /** The most specific type any record gives (a citing record without a type says CreativeWork). */
  private static String type(Map<Node, List<Node>> p) {
    List<Node> types = p.getOrDefault(NewsVocab.RDF_TYPE, List.of());
    if (types.contains(NewsVocab.SCHEMA_VIDEO_OBJECT)) {
      return "VideoObject";
    }
    if (types.contains(NewsVocab.SCHEMA_NEWS_ARTICLE)) {
      return "NewsArticle";
    }
    return "CreativeWork";
  }

  private JsonObject image(Node image) {
    Map<Node, List<Node>> p = properties(image);
    JsonObject o = new JsonObject();
    o.put("@type", "ImageObject");
    // The image node is its URL in the store; keeping it as @id makes the two graphs meet.
    o.put("@id", image.getURI());
    o.put("url", image.getURI());
    literal(p, NewsVocab.WIDTH).ifPresent(w -> o.put("width", pixels(w)));
    literal(p, NewsVocab.HEIGHT).ifPresent(h -> o.put("height", pixels(h)));
    literal(p, NewsVocab.SCHEMA_CAPTION).ifPresent(c -> o.put("caption", c));
    return o;
  }

  private static JsonObject pixels(String value) {
    JsonObject q = new JsonObject();
    q.put("@type", "QuantitativeValue");
    q.put("value", Long.parseLong(value));
    q.put("unitCode", PIXELS);
    return q;
  }

  private JsonObject publisher(Node provider) {
    Map<Node, List<Node>> p = properties(provider);
    JsonObject o = new JsonObject();
    o.put("@type", "Organization");
    o.put("@id", provider.getURI());
    String domain = literal(p, NewsVocab.DOMAIN).orElse(null);
    // A citing record's name may be a headline; only the provider's own name, else its domain.
    String name = literal(p, NewsVocab.SCHEMA_NAME).orElse(domain);
    if (name != null) {
      o.put("name", name);
    }
    String homepage = iri(p, HOMEPAGE);
    if (homepage != null) {
      o.put("url", homepage);
    } else if (domain != null) {
      o.put("url", "https://" + domain + "/");
    }
    Node logo = first(p, NewsVocab.LOGO);
    if (logo != null) {
      JsonObject image = new JsonObject();
      image.put("@type", "ImageObject");
      image.put("@id", logo.getURI());
      image.put("url", logo.getURI());
      o.put("logo", image);
    }
    sameAs(p, o, SCHEMA_SAME_AS);
    return o;
  }

  private JsonObject topic(Node topic) {
    Map<Node, List<Node>> p = properties(topic);
    JsonObject o = new JsonObject();
    o.put("@type", "Thing");
    o.put("@id", topic.getURI());
    literal(p, NewsVocab.SKOS_PREF_LABEL)
        .or(() -> literal(p, NewsVocab.SCHEMA_NAME))
        .ifPresent(v -> o.put("name", v));
    sameAs(p, o, SKOS_EXACT);
    return o;
  }

  private static void sameAs(Map<Node, List<Node>> p, JsonObject o, Node predicate) {
    JsonArray same = new JsonArray();
    p.getOrDefault(predicate, List.of()).stream()
        .filter(Node::isURI)
        .map(Node::getURI)
        .sorted()
        .forEach(same::add);
    if (!same.isEmpty()) {
      o.put("sameAs", same);
    }
  }

  /**
   * Every property of a node across all graphs, values in a stable order: what the article's own
   * record says first (its URL, not the AMP-cache URL a citing record used), then the rest.
   */
  private Map<Node, List<Node>> properties(Node s) {
    Binding bound = BindingFactory.binding(Var.alloc("s"), s);
    Node own = IriFactory.ownGraphOfArticle(s);
    return store.query(
        PROPERTIES,
        bound,
        exec -> {
          Map<Node, List<Node>> mine = new LinkedHashMap<>();
          Map<Node, List<Node>> others = new LinkedHashMap<>();
          RowSet rows = exec.select();
          while (rows.hasNext()) {
            Binding row = rows.next();
            Map<Node, List<Node>> target = row.get("g").equals(own) ? mine : others;
            target.computeIfAbsent(row.get("p"), k -> new ArrayList<>()).add(row.get("o"));
          }
          Map<Node, List<Node>> out = new LinkedHashMap<>();
          for (Map<Node, List<Node>> part : List.of(mine, others)) {
            part.forEach(
                (predicate, values) -> {
                  values.sort(java.util.Comparator.comparing(Node::toString));
                  List<Node> merged = out.computeIfAbsent(predicate, k -> new ArrayList<>());
                  values.stream().filter(v -> !merged.contains(v)).forEach(merged::add);
                });
          }
          return out;
        });
  }

  private static java.util.Optional<String> literal(Map<Node, List<Node>> p, Node predicate) {
    return p.getOrDefault(predicate, List.of()).stream()
        .filter(Node::isLiteral)
        .map(Node::getLiteralLexicalForm)
        .findFirst();
  }

  private static String iri(Map<Node, List<Node>> p, Node predicate) {
    Node node = first(p, predicate);
    return node != null && node.isURI() ? node.getURI() : null;
  }

  private static Node first(Map<Node, List<Node>> p, Node predicate) {
    List<Node> values = p.getOrDefault(predicate, List.of());
    return values.isEmpty() ? null : values.get(0);
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
