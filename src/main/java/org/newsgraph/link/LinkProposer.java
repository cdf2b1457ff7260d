package org.newsgraph.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.newsgraph.model.ResourceLib;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.NewsVocab;

/**
 * Proposes links for our topics and providers that have none yet, by matching their labels, alt
 * labels, keywords and domains against a user-supplied RDF file (a Wikidata or DBpedia extract, any
 * RDF syntax Jena reads, chosen by file extension; N-Triples by default). The file is streamed
 * triple by triple, never loaded: memory holds our labels and the best candidates only. Not
 * thread-safe.
 */
public final class LinkProposer {

  /** Predicates whose literal object is a name of the subject. */
  static final Set<Node> LABEL_PREDICATES =
      Set.of(
          NewsVocab.RDFS_LABEL,
          NewsVocab.SKOS_PREF_LABEL,
          NewsVocab.SKOS_ALT_LABEL,
          NewsVocab.SCHEMA_NAME,
          NewsVocab.SCHEMA_ALTERNATE_NAME,
          NodeFactory.createURI(NewsVocab.FOAF + "name"));

  /** Predicates whose IRI object is the subject's official website (Wikidata P856 among them). */
  static final Set<Node> WEBSITE_PREDICATES =
      Set.of(
          NodeFactory.createURI("http://www.wikidata.org/prop/direct/P856"),
          LinkVocab.HOMEPAGE,
          NewsVocab.SCHEMA_URL);

  private final GraphStore store;
  private final int maxPerNode;

  /**
   * @param store the store whose topics and providers are to be linked
   * @param maxPerNode the most candidates kept for one node, best first
   */
  public LinkProposer(GraphStore store, int maxPerNode) {
    if (maxPerNode < 1) {
      throw new IllegalArgumentException("at least one candidate per node must be kept");
    }
    this.store = store;
    this.maxPerNode = maxPerNode;
  }

  /**
   * The result of a run.
   *
   * @param candidates ranked: by node, then best score first
   * @param triplesRead triples read from the extract
   * @param nodesToLink topics and providers without links that were matched against
   * @param failed true when the extract could not be read to its end (an error was reported)
   */
  public record Result(
      List<Candidate> candidates, long triplesRead, int nodesToLink, boolean failed) {}

  /**
   * Streams an extract and proposes candidates.
   *
   * @param extract the RDF file
   * @param errors receives {@code path:line:col: error: message} lines for what could not be read
   * @return the candidates found, also when reading stopped at an error
   */
  public Result propose(Path extract, Consumer<String> errors) {
    LabelIndex index = new LabelIndex();
    int nodes = loadLabels(index);
    Collector collector = new Collector(index, maxPerNode);
    if (!Files.isReadable(extract) || Files.isDirectory(extract)) {
      errors.accept(extract + ":1:1: error: cannot read the extract file");
      return new Result(List.of(), 0, nodes, true);
    }
    boolean failed = false;
    if (!index.isEmpty()) {
      failed = !parse(extract, collector, errors);
    }
    return new Result(collector.ranked(), collector.triples, nodes, failed);
  }

  private boolean parse(Path extract, Collector collector, Consumer<String> errors) {
    Lang lang = RDFLanguages.filenameToLang(extract.toString(), Lang.NTRIPLES);
    PositionedErrors handler = new PositionedErrors(extract.toString(), errors);
    try (InputStream in = Files.newInputStream(extract)) {
      RDFParser.source(in)
          .lang(lang)
          .base(extract.toUri().toString())
          .errorHandler(handler)
          .parse(collector);
      return !handler.sawError;
    } catch (RiotException e) {
      handler.reportFatal(e.getMessage());
      return false;
    } catch (IOException e) {
      errors.accept(extract + ":1:1: error: cannot read the extract file: " + e.getMessage());
      return false;
    }
  }

  private int loadLabels(LabelIndex index) {
    Query query = QueryFactory.create(resource("unlinked-labels.rq"));
    Binding none = BindingFactory.empty();
    return store.query(
        query,
        none,
        exec -> {
          RowSet rows = exec.select();
          java.util.Set<Node> nodes = new java.util.HashSet<>();
          while (rows.hasNext()) {
            Binding row = rows.next();
            Node node = row.get("node");
            boolean provider = Boolean.parseBoolean(row.get("provider").getLiteralLexicalForm());
            index.add(
                new LocalLabel(
                    node,
                    row.get("kind").getLiteralLexicalForm(),
                    row.get("label").getLiteralLexicalForm(),
                    provider));
            nodes.add(node);
          }
          return nodes.size();
        });
  }

  private static String resource(String name) {
    return ResourceLib.text("/org/newsgraph/link/" + name);
  }

  /** Receives the extract's triples and keeps the best candidates per node of ours. */
  private static final class Collector extends StreamRDFBase {
    private final LabelIndex index;
    private final int maxPerNode;
    private final Map<Node, Map<Node, Candidate>> best = new HashMap<>();
    private long triples;

    Collector(LabelIndex index, int maxPerNode) {
      this.index = index;
      this.maxPerNode = maxPerNode;
    }

    @Override
    public void triple(Triple t) {
      triples++;
      Node s = t.getSubject();
      Node o = t.getObject();
      if (!s.isURI()) {
        return;
      }
      if (o.isLiteral() && LABEL_PREDICATES.contains(t.getPredicate()) && english(o)) {
        index.matchLabel(s, o.getLiteralLexicalForm(), this::keep);
      } else if (o.isURI() && WEBSITE_PREDICATES.contains(t.getPredicate())) {
        index.matchWebsite(s, o.getURI(), this::keep);
      }
    }

    private static boolean english(Node literal) {
      String lang = literal.getLiteralLanguage();
      return lang.isEmpty() || lang.equals("en") || lang.startsWith("en-");
    }

    private void keep(Candidate c) {
      Map<Node, Candidate> forNode = best.computeIfAbsent(c.subject(), k -> new HashMap<>());
      Candidate old = forNode.get(c.object());
      if (old == null || c.score() > old.score()) {
        forNode.put(c.object(), c);
      }
      // Bound memory on huge extracts: common words can match many external resources.
      if (forNode.size() > maxPerNode * 4) {
        forNode.values().stream()
            .min(Comparator.comparingDouble(Candidate::score))
            .ifPresent(worst -> forNode.remove(worst.object()));
      }
    }

    List<Candidate> ranked() {
      List<Candidate> out = new ArrayList<>();
      best.entrySet().stream()
          .sorted(Comparator.comparing(e -> e.getKey().getURI()))
          .forEach(
              e ->
                  e.getValue().values().stream()
                      .sorted(
                          Comparator.comparingDouble(Candidate::score)
                              .reversed()
                              .thenComparing(c -> c.object().getURI()))
                      .limit(maxPerNode)
                      .forEach(out::add));
      return out;
    }
  }

  /** Reports the parser's problems as positioned lines; fatal ones stop the parse. */
  private static final class PositionedErrors implements org.apache.jena.riot.system.ErrorHandler {
    private final String path;
    private final Consumer<String> out;
    private boolean sawError;
    private boolean reported;

    PositionedErrors(String path, Consumer<String> out) {
      this.path = path;
      this.out = out;
    }

    @Override
    public void warning(String message, long line, long col) {
      out.accept(position(line, col) + ": warning: " + message);
    }

    @Override
    public void error(String message, long line, long col) {
      sawError = true;
      out.accept(position(line, col) + ": error: " + message);
    }

    @Override
    public void fatal(String message, long line, long col) {
      sawError = true;
      reported = true;
      out.accept(position(line, col) + ": error: " + message + " (reading stopped here)");
      throw new RiotException(message);
    }

    void reportFatal(String message) {
      if (!reported) {
        sawError = true;
        out.accept(path + ":1:1: error: " + message);
      }
    }

    private String position(long line, long col) {
      return path + ":" + Math.max(line, 1) + ":" + Math.max(col, 1);
    }
  }
}
