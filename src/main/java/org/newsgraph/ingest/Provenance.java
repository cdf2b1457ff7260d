package org.newsgraph.ingest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.FmtUtils;
import org.newsgraph.store.GraphContent;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The vocabulary and the triples of the metadata graph {@code {base}graph/meta}: one PROV-O
 * activity per ingest run, one entity per source file (path, SHA-256, when, by which run) and, per
 * record graph, the source it was derived from. Immutable and thread-safe.
 */
public final class Provenance {

  /** {@code news:IngestRun}, a prov:Activity. */
  public static final Node INGEST_RUN = news("IngestRun");

  /** {@code news:SourceFile}, a prov:Entity. */
  public static final Node SOURCE_FILE = news("SourceFile");

  /** The absolute path of a source file, a string. */
  public static final Node SOURCE_PATH = news("sourcePath");

  /** The SHA-256 of a source file's bytes, 64 lower-case hex digits. */
  public static final Node SHA256 = news("sha256");

  /**
   * Links a file stamp to its source file: the size and modification time seen when the file was
   * last read, kept on a node of its own so that a run can refresh it without rewriting the
   * source's provenance.
   */
  public static final Node STAMP_OF = news("stampOf");

  /** The size of a source file in bytes when it was read, an xsd:integer. */
  public static final Node SOURCE_BYTES = news("sourceBytes");

  /** The last-modified time of a source file when it was read, an xsd:dateTime. */
  public static final Node SOURCE_MODIFIED = news("sourceModified");

  /** Counts of a run, xsd:integer each. */
  public static final Node FILES_READ = news("filesRead");

  /** Record graphs written that did not exist before the run. */
  public static final Node GRAPHS_ADDED = news("graphsAdded");

  /** Record graphs whose content was replaced. */
  public static final Node GRAPHS_REPLACED = news("graphsReplaced");

  /** Files skipped because their content hash was unchanged. */
  public static final Node FILES_UNCHANGED = news("filesUnchanged");

  /** Files rejected with at least one error. */
  public static final Node FILES_FAILED = news("filesFailed");

  /** Record graphs removed (pruned, or no longer produced by their changed file). */
  public static final Node GRAPHS_REMOVED = news("graphsRemoved");

  static final Node TYPE = NewsVocab.RDF_TYPE;
  static final Node ACTIVITY = prov("Activity");
  static final Node ENTITY = prov("Entity");
  static final Node STARTED = prov("startedAtTime");
  static final Node ENDED = prov("endedAtTime");
  static final Node GENERATED_AT = prov("generatedAtTime");
  static final Node GENERATED_BY = prov("wasGeneratedBy");
  static final Node DERIVED_FROM = prov("wasDerivedFrom");

  private final IriFactory iris;
  private final Node metaGraph;

  /** The provenance of data under a base IRI. */
  public Provenance(IriFactory iris) {
    this.iris = iris;
    this.metaGraph = iris.systemGraph("meta");
  }

  /** The IRI prefix of article record graphs, {@code {base}graph/article/}. */
  String articleGraphPrefix() {
    return iris.base() + "graph/article/";
  }

  /** The metadata graph. */
  public Node metaGraph() {
    return metaGraph;
  }

  /** A new run's node, unique by its start time and a random part. */
  Node newRun(Instant started) {
    String id =
        started.toString().replaceAll("[^0-9]", "")
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    return NodeFactory.createURI(iris.base() + "run/" + id);
  }

  /** The base IRI the nodes of the metadata graph are named under. */
  String base() {
    return iris.base();
  }

  /** The key of a source file's stamp, derived from its absolute path. */
  SourceKey key(String path) {
    return SourceKey.ofStamp(stamp(source(path)));
  }

  /** The node of a source file, derived from its absolute path. */
  Node source(String path) {
    return NodeFactory.createURI(iris.base() + "source/" + sha256(path).substring(0, 32));
  }

  /**
   * The key of a source file: the 32 hex digits of its node ({@code {base}source/KEY}, the first 32
   * of the SHA-256 of its path), as two longs, for compact tables. Minted by {@link #source} and
   * read back here only.
   *
   * @param high the first 16 hex digits
   * @param low the last 16
   */
  record SourceKey(long high, long low) {

    /**
     * The key of a source's stamp node ({@code {base}source/KEY/stamp}), or null for any other
     * node.
     */
    static SourceKey ofStamp(Node stamp) {
      if (!stamp.isURI() || !stamp.getURI().endsWith("/stamp")) {
        return null;
      }
      String iri = stamp.getURI();
      return parse(iri, iri.length() - "/stamp".length());
    }

    /** The key of a source node ({@code {base}source/KEY}), or null for a node of another form. */
    static SourceKey ofSource(Node source) {
      if (!source.isURI()) {
        return null;
      }
      String iri = source.getURI();
      return parse(iri, iri.length());
    }

    /** The key whose 32 hex digits end at {@code end}, after a slash; null when there is none. */
    private static SourceKey parse(String iri, int end) {
      if (end < 33 || iri.charAt(end - 33) != '/') {
        return null;
      }
      try {
        return new SourceKey(
            Long.parseUnsignedLong(iri, end - 32, end - 16, 16),
            Long.parseUnsignedLong(iri, end - 16, end, 16));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** The node of a source file's stamp (see {@link FileStamp}). */
  static Node stamp(Node source) {
    return NodeFactory.createURI(source.getURI() + "/stamp");
  }

  /** The triples of a source file's stamp. */
  static List<Triple> stampTriples(Node source, FileStamp stamp) {
    Node node = stamp(source);
    return List.of(
        Triple.create(node, STAMP_OF, source),
        Triple.create(
            node,
            SOURCE_BYTES,
            NodeFactory.createLiteralDT(Long.toString(stamp.size()), XSDDatatype.XSDinteger)),
        Triple.create(node, SOURCE_MODIFIED, time(stamp.modified())));
  }

  /** What a run says about itself at its start. */
  List<Triple> runStarted(Node run, Instant started) {
    return List.of(
        Triple.create(run, TYPE, ACTIVITY),
        Triple.create(run, TYPE, INGEST_RUN),
        Triple.create(run, STARTED, time(started)));
  }

  /** What a run says about itself at its end; replaces the start description. */
  List<Triple> runEnded(Node run, Instant started, Instant ended, IngestReport report) {
    List<Triple> out = new ArrayList<>(runStarted(run, started));
    out.add(Triple.create(run, ENDED, time(ended)));
    out.add(count(run, FILES_READ, report.files().read()));
    out.add(count(run, GRAPHS_ADDED, report.graphs().added()));
    out.add(count(run, GRAPHS_REPLACED, report.graphs().replaced()));
    out.add(count(run, FILES_UNCHANGED, report.files().unchanged()));
    out.add(count(run, FILES_FAILED, report.files().rejected()));
    out.add(count(run, GRAPHS_REMOVED, report.graphs().removed()));
    return out;
  }

  /** The description of a source file as ingested by a run. */
  List<Triple> sourceFile(Node source, String path, String sha256, Node run, Node at) {
    return List.of(
        Triple.create(source, TYPE, ENTITY),
        Triple.create(source, TYPE, SOURCE_FILE),
        Triple.create(source, SOURCE_PATH, NodeFactory.createLiteralString(path)),
        Triple.create(source, SHA256, NodeFactory.createLiteralString(sha256)),
        Triple.create(source, GENERATED_AT, at),
        Triple.create(source, GENERATED_BY, run));
  }

  /** The provenance of one record graph. */
  List<Triple> graph(Node graph, Node source, Node run, Node at) {
    return List.of(
        Triple.create(graph, TYPE, ENTITY),
        Triple.create(graph, DERIVED_FROM, source),
        Triple.create(graph, GENERATED_AT, at),
        Triple.create(graph, GENERATED_BY, run));
  }

  /** That a record graph was derived from one more source (it has its other provenance already). */
  static List<Triple> derivedFrom(Node graph, Node source) {
    return List.of(Triple.create(graph, DERIVED_FROM, source));
  }

  /** An xsd:dateTime literal. */
  static Node time(Instant instant) {
    return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
  }

  private static Triple count(Node run, Node property, long value) {
    return Triple.create(
        run, property, NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger));
  }

  /** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
  static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A SHA-256 over graphs' names and triples, independent of triple order: each triple's N-Triples
   * form is hashed and the hashes are summed.
   */
  static String contentHash(List<GraphContent> graphs) {
    BigInteger sum = BigInteger.ZERO;
    for (GraphContent graph : graphs) {
      for (Triple t : graph.triples()) {
        String line = graph.graph() + " " + FmtUtils.stringForTriple(t);
        sum = sum.add(new BigInteger(1, digest().digest(line.getBytes(StandardCharsets.UTF_8))));
      }
    }
    return sha256(sum.toString(16) + "/" + graphs.size());
  }

  /** A fresh SHA-256 digest. */
  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static Node news(String local) {
    return NodeFactory.createURI(NewsVocab.NS + local);
  }

  private static Node prov(String local) {
    return NodeFactory.createURI(NewsVocab.PROV + local);
  }
}
