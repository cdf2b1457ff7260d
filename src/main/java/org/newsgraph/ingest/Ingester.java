package org.newsgraph.ingest;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.model.Problem;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.BulkLoad;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreBatch;

/**
 * Runs an ingest, incrementally: source files are hashed, read, parsed and mapped on worker threads;
 * one writer (the calling thread) skips files whose SHA-256 is unchanged since the last run, replaces
 * the graphs of changed ones, and commits whole files in batches (a record is never split across two
 * transactions). Into an empty store the writer feeds Jena's TDB2 bulk loader instead. Every run is
 * recorded as a PROV-O activity in the metadata graph, with per-file and per-graph provenance written
 * in the same transaction as the graphs themselves. Listeners hear of every committed batch.
 * Not thread-safe; one per run.
 */
public final class Ingester {

  private final GraphStore store;
  private final RecordReader reader;
  private final RecordMapper mapper;
  private final Provenance provenance;
  private final List<GraphContent> systemGraphs;
  private final IngestOptions options;
  private final Consumer<Problem> problems;
  private final PrintWriter progressOut;
  private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();

  /** The pseudo-path under which the system graphs' content hash is kept. */
  static final String SYSTEM = "<system>";

  private final ProgressBar.Counts counts = new ProgressBar.Counts();
  private final Set<String> unknownKeys = new HashSet<>();
  // graph -> name of the file that wrote it in this run, to warn about two files describing one article
  private final GraphOwners writtenBy;

  /**
   * @param store where graphs go
   * @param reader reads record files
   * @param mapper maps records to quads
   * @param provenance names the metadata graph and builds its triples
   * @param systemGraphs ontology and link graphs, rewritten at every run
   * @param options batch size, threads, prune, bulk, progress
   * @param problems receives every error and warning, on the calling thread
   * @param progressOut where the progress line goes when {@code options.progress()} (stderr)
   */
  public Ingester(GraphStore store, RecordReader reader, RecordMapper mapper, Provenance provenance,
      List<GraphContent> systemGraphs, IngestOptions options, Consumer<Problem> problems,
      PrintWriter progressOut) {
    this.store = store;
    this.reader = reader;
    this.mapper = mapper;
    this.provenance = provenance;
    this.systemGraphs = List.copyOf(systemGraphs);
    this.options = options;
    this.problems = problems;
    this.progressOut = progressOut;
    this.writtenBy = new GraphOwners(provenance.articleGraphPrefix());
  }

  /**
   * Adds a listener, told after every committed batch (see {@link IngestListener}).
   *
   * @return this
   */
  public Ingester addListener(IngestListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Ingests files and folders; {@code -} reads one record from {@code stdin}.
   *
   * @param paths files, folders or {@code -}
   * @param stdin standard input
   * @return the run's counts
   * @throws org.newsgraph.store.StoreException when a write fails (earlier batches stay committed;
   *     a bulk load leaves the store empty)
   */
  public IngestReport run(List<String> paths, InputStream stdin) {
    Instant started = Instant.now();
    Node run = provenance.newRun(started);
    Optional<BulkLoad> bulk = options.bulk() ? store.bulkLoad() : Optional.empty();
    // A bulk load holds the store exclusively until it commits, and the store is empty: nothing to ask.
    SourceIndex index = bulk.isPresent() ? SourceIndex.none() : SourceIndex.load(store, provenance);
    ProgressBar progress = new ProgressBar(options.progress() ? progressOut : null);
    long skipped;
    listeners.forEach(l -> l.runStarting(store, bulk.isPresent()));
    try (BatchWriter writer = new BatchWriter(store, bulk, provenance.metaGraph(), options.batchSize(),
        new AllListeners())) {
      writer.write(systemUnit(index, run, started));
      FileWork work = new FileWork(reader, mapper, index, options.checksum());
      Pipeline pipeline = new Pipeline(work, options.threads());
      pipeline.run(paths, stdin, result -> {
        accept(result, index, run, writer);
        progress.update(counts);
      });
      skipped = pipeline.skipped();
      if (options.prune()) {
        prune(index, writer);
      }
      writer.finish();
    } finally {
      progress.finish(counts);
    }
    listeners.forEach(l -> l.runFinished(store));
    IngestReport report = new IngestReport(counts.filesRead, counts.added + counts.replaced,
        counts.rejected, skipped, counts.warnings, unknownKeys.size(), counts.added, counts.replaced,
        counts.unchanged, counts.removed, bulk.isPresent());
    List<Triple> ended = provenance.runEnded(run, started, Instant.now(), report);
    store.apply(new StoreBatch(List.of(), List.of(), provenance.metaGraph(), List.of(run), ended));
    return report;
  }

  /**
   * The run's start record, with the system graphs when they differ from the stored ones (their
   * content hash is kept like a source file's, under the path {@code <system>}).
   */
  private BatchWriter.Unit systemUnit(SourceIndex index, Node run, Instant started) {
    List<Node> subjects = new ArrayList<>(List.of(run));
    List<Triple> meta = new ArrayList<>(provenance.runStarted(run, started));
    String sha = Provenance.contentHash(systemGraphs);
    if (sha.equals(index.sha256(SYSTEM))) {
      return new BatchWriter.Unit(List.of(), List.of(), subjects, meta);
    }
    Node source = provenance.source(SYSTEM);
    Node at = Provenance.time(started);
    subjects.add(source);
    meta.addAll(provenance.sourceFile(source, SYSTEM, sha, run, at));
    for (GraphContent graph : systemGraphs) {
      subjects.add(graph.graph());
      meta.addAll(provenance.graph(graph.graph(), source, run, at));
    }
    return new BatchWriter.Unit(systemGraphs, List.of(), subjects, meta);
  }

  private void accept(FileResult result, SourceIndex index, Node run, BatchWriter writer) {
    counts.filesRead++;
    report(result.problems());
    if (result.unchanged()) {
      counts.unchanged++;
      if (result.restamp()) {
        Node source = provenance.source(result.path());
        writer.write(new BatchWriter.Unit(List.of(), List.of(), List.of(Provenance.stamp(source)),
            Provenance.stampTriples(source, result.stamp())));
      }
      return;
    }
    if (result.rejected()) {
      counts.rejected++;
      return;
    }
    Node source = provenance.source(result.path());
    Node at = Provenance.time(Instant.now());
    List<Node> subjects = new ArrayList<>(List.of(source, Provenance.stamp(source)));
    List<Triple> meta = new ArrayList<>(provenance.sourceFile(source, result.path(), result.sha256(), run, at));
    if (result.stamp() != null) {
      meta.addAll(Provenance.stampTriples(source, result.stamp()));
    }
    boolean duplicate = false;
    Set<Node> made = new HashSet<>();
    for (int i = 0; i < result.graphs().size(); i++) {
      Node graph = result.graphs().get(i).graph();
      made.add(graph);
      String earlier = writtenBy.put(graph, result.name());
      if (earlier != null && !earlier.equals(result.name())) {
        duplicate = true;
        report(List.of(Problem.warning(result.name(), result.positions().get(i),
            "describes the same article as " + earlier + "; this file's description replaces it")));
      }
      if (earlier != null || index.holds(graph)) {
        counts.replaced++;
      } else {
        counts.added++;
      }
      subjects.add(graph);
      meta.addAll(provenance.graph(graph, source, run, at));
    }
    List<Node> remove = new ArrayList<>();
    for (Node old : index.graphsOf(result.path())) {
      if (!made.contains(old) && !writtenBy.contains(old)) {
        remove.add(old);
        subjects.add(old);
      }
    }
    counts.removed += remove.size();
    BatchWriter.Unit unit = new BatchWriter.Unit(result.graphs(), remove, subjects, meta);
    if (duplicate) {
      writer.writeAfterBulk(unit);
    } else {
      writer.write(unit);
    }
  }

  /** Removes the graphs of indexed source files that no longer exist (stdin is never pruned). */
  private void prune(SourceIndex index, BatchWriter writer) {
    List<String> gone = new ArrayList<>();
    // Pseudo-paths (<stdin>, <system>) have no file to be gone.
    index.forEachPath(path -> {
      if (!path.startsWith("<") && !Files.exists(Path.of(path))) {
        gone.add(path);
      }
    });
    for (String path : gone) {
      List<Node> remove = new ArrayList<>();
      for (Node graph : index.graphsOf(path)) {
        if (!writtenBy.contains(graph)) {
          remove.add(graph);
        }
      }
      List<Node> subjects = new ArrayList<>(remove);
      Node source = provenance.source(path);
      subjects.add(source);
      subjects.add(Provenance.stamp(source));
      counts.removed += remove.size();
      writer.write(new BatchWriter.Unit(List.of(), remove, subjects, List.of()));
    }
  }

  /** Tells every listener. */
  private final class AllListeners implements IngestListener {
    @Override
    public void committed(GraphStore s, Committed batch) {
      listeners.forEach(l -> l.committed(s, batch));
    }

    @Override
    public void loading(Quad quad) {
      for (IngestListener l : listeners) {
        l.loading(quad);
      }
    }

    @Override
    public void loadEnding(StreamRDF loader) {
      listeners.forEach(l -> l.loadEnding(loader));
    }
  }

  private void report(List<Problem> found) {
    for (Problem problem : found) {
      if (!problem.isError()) {
        if (problem.unknownKey() != null && !unknownKeys.add(problem.unknownKey())) {
          continue; // reported once per run
        }
        counts.warnings++;
      }
      problems.accept(problem);
    }
  }
}
