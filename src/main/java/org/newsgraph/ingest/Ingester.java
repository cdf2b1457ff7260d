package org.newsgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.source.RecordReader;
import org.newsgraph.source.SourceWalker;
import org.newsgraph.store.BulkLoad;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreBatch;

/**
 * Runs an ingest, incrementally: source files are hashed, read, parsed and mapped on worker
 * threads; one writer (the calling thread) skips files whose SHA-256 is unchanged since the last
 * run, replaces the graphs of changed ones, and commits whole files in batches (a record is never
 * split across two transactions). Into an empty store the writer feeds Jena's TDB2 bulk loader
 * instead. Every run is recorded as a PROV-O activity in the metadata graph, with per-file and
 * per-graph provenance written in the same transaction as the graphs themselves. Listeners hear of
 * every committed batch. Not thread-safe; one per run.
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

  /** Files read, by what they were read as (an unchanged file by its name). */
  private final Map<String, Long> kinds = new java.util.TreeMap<>();

  /** Records of WARC files that gave no page, by reason; and the pages WARC files gave. */
  private final Map<String, Long> warcSkipped = new java.util.TreeMap<>();

  private long warcPages;
  private final Set<String> unknownKeys = new HashSet<>();
  // Every record graph this run met: who described it, whether it waits for the merge at the end.
  private final RunGraphs graphs;
  // Descriptions read from standard input in this run (it cannot be read twice).
  private final List<Description> stdinDescriptions = new ArrayList<>();
  private int nextSeq;
  // The stamps this run records and removes, for the stamp file written at its end.
  private final StampCache.Changes stampChanges = new StampCache.Changes();
  private final StampCache stampCache;
  // The files rejected before (loaded with the stamps), and this run's changes to them.
  private final RejectedFiles rejectedFiles = new RejectedFiles();
  private final RejectedFiles.Changes rejections = new RejectedFiles.Changes();
  // What the merges of the stored graphs need of their descriptions, and this run's changes to it.
  private MergeStates merges = MergeStates.none();
  private MergeStates.Changes mergeChanges = new MergeStates.Changes(null);
  private long mergedArticles;
  private long mergedDescriptions;

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
  public Ingester(
      GraphStore store,
      RecordReader reader,
      RecordMapper mapper,
      Provenance provenance,
      List<GraphContent> systemGraphs,
      IngestOptions options,
      Consumer<Problem> problems,
      PrintWriter progressOut) {
    this.store = store;
    this.reader = reader;
    this.mapper = mapper;
    this.provenance = provenance;
    this.systemGraphs = List.copyOf(systemGraphs);
    this.options = options;
    this.problems = problems;
    this.progressOut = progressOut;
    this.graphs = new RunGraphs(provenance.articleGraphPrefix());
    this.stampCache = new StampCache(store, provenance, RejectedFiles.fingerprint(reader.limits()));
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
    try {
      return runAll(paths, stdin);
    } finally {
      merges.close();
      mergeChanges.close();
    }
  }

  private IngestReport runAll(List<String> paths, InputStream stdin) {
    Instant started = Instant.now();
    Node run = provenance.newRun(started);
    Optional<BulkLoad> bulk = options.bulk() ? store.bulkLoad() : Optional.empty();
    // A bulk load holds the store exclusively until it commits, and the store is empty: nothing to
    // ask.
    SourceIndex index =
        bulk.isPresent() ? SourceIndex.none() : stampCache.load(store, provenance, rejectedFiles);
    merges = bulk.isPresent() ? MergeStates.none() : stampCache.merges();
    mergeChanges = new MergeStates.Changes(stampCache.folder());
    ProgressBar progress = new ProgressBar(options.progress() ? progressOut : null);
    Map<SourceWalker.Skip, Long> skipped;
    Path scratch = bulk.map(BulkLoad::scratchDirectory).orElse(null);
    listeners.forEach(l -> l.runStarting(store, bulk.isPresent(), scratch));
    try (BatchWriter writer =
            new BatchWriter(
                store, bulk, provenance.metaGraph(), options.batchSize(), new AllListeners());
        OwnFactSpill spill = bulk.map(b -> new OwnFactSpill(b.scratchDirectory())).orElse(null)) {
      writer.write(systemUnit(index, run, started));
      FileWork work = new FileWork(reader, mapper, index, rejectedFiles, options.checksum());
      Pipeline pipeline = new Pipeline(work, options.threads());
      pipeline.run(
          paths,
          stdin,
          result -> {
            accept(result, index, run, writer, spill);
            progress.update(counts);
          });
      skipped = pipeline.skipped();
      if (options.prune()) {
        prune(index, writer);
      }
      if (spill != null) {
        BulkStates states = new BulkStates();
        spill.replay(
            (graph, seq) -> graphs.winnerSeq(graphs.slot(graph)) == seq,
            quad -> {
              writer.load(quad);
              states.accept(quad);
            });
        states.flush();
        countBulkMerges();
      } else {
        writer.flush();
        new DeferredMerge(index, work, run, writer).run();
      }
      writer.finish();
    } finally {
      progress.finish(counts);
    }
    listeners.forEach(l -> l.runFinished(store));
    IngestReport report =
        new IngestReport(
            new IngestReport.Files(
                counts.filesRead,
                counts.unchanged,
                counts.rejected,
                skipped,
                kinds,
                new IngestReport.Warc(warcPages, warcSkipped)),
            new IngestReport.Graphs(counts.added, counts.replaced, counts.removed),
            new IngestReport.Merges(mergedArticles, mergedDescriptions),
            new IngestReport.Problems(counts.warnings, unknownKeys.size()),
            bulk.isPresent());
    List<Triple> ended = new ArrayList<>(provenance.runEnded(run, started, Instant.now(), report));
    List<Node> endSubjects = new ArrayList<>(List.of(run));
    // Every batch has committed: the stamps now in the store are the index's with this run's
    // changes, and the run's last transaction vouches for the file that holds them.
    Optional<Triple> vouch =
        stampCache.save(index, stampChanges, rejectedFiles, rejections, merges, mergeChanges);
    vouch.ifPresent(
        token -> {
          endSubjects.add(stampCache.node());
          ended.add(token);
        });
    store.apply(new StoreBatch(List.of(), List.of(), provenance.metaGraph(), endSubjects, ended));
    vouch.ifPresent(stampCache::removeAllBut);
    return report;
  }

  /**
   * The run's start record, with the system graphs when they differ from the stored ones (their
   * content hash is kept like a source file's, under the path {@code <system>}).
   */
  private BatchWriter.Unit systemUnit(SourceIndex index, Node run, Instant started) {
    // The run's first transaction withdraws the store's word for the stamp file (see StampCache).
    List<Node> subjects = new ArrayList<>(List.of(run, stampCache.node()));
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
    return new BatchWriter.Unit(systemGraphs, List.of(), subjects, meta, true);
  }

  private void accept(
      FileResult result, SourceIndex index, Node run, BatchWriter writer, OwnFactSpill spill) {
    if (result.outcome() == FileResult.Outcome.SKIPPED) {
      report(result.problems());
      return;
    }
    counts.filesRead++;
    report(result.problems());
    if (!result.rejected() && rejectedFiles.get(result.path()) != null) {
      rejections.forget(result.path()); // read without error, or back to a version the store holds
    }
    if (result.kind() != null) {
      kinds.merge(result.kind(), 1L, Long::sum);
      result.skippedRecords().forEach((why, n) -> warcSkipped.merge(why, n, Long::sum));
      if (result.kind().equals("WARC")) {
        warcPages += result.descriptions().size();
      }
    }
    if (result.unchanged()) {
      counts.unchanged++;
      if (result.restamp()) {
        stampChanges.record(provenance.key(result.path()), result.stamp());
        Node source = provenance.source(result.path());
        writer.write(
            new BatchWriter.Unit(
                List.of(),
                List.of(),
                List.of(Provenance.stamp(source)),
                Provenance.stampTriples(source, result.stamp())));
      }
      return;
    }
    if (result.rejected()) {
      counts.rejected++;
      RejectedFiles.Entry rejection = FileWork.rejection(result);
      if (rejection != null) {
        rejections.reject(rejection);
      }
      return;
    }
    if (result.path().equals(FileWork.STDIN)) {
      stdinDescriptions.addAll(result.descriptions());
    }
    Node source = provenance.source(result.path());
    Node at = Provenance.time(Instant.now());
    int file = graphs.file(result.path());
    FileResult.Stored stored =
        result.stored() != null
            ? result.stored()
            : FileResult.Stored.lookUp(index, result.path(), result.descriptions());
    List<Node> subjects = new ArrayList<>(List.of(source, Provenance.stamp(source)));
    List<Triple> meta =
        new ArrayList<>(provenance.sourceFile(source, result.path(), result.sha256(), run, at));
    if (result.stamp() != null) {
      meta.addAll(Provenance.stampTriples(source, result.stamp()));
      stampChanges.record(provenance.key(result.path()), result.stamp());
    } else {
      stampChanges.forget(provenance.key(result.path()));
    }
    List<GraphContent> contents = new ArrayList<>();
    Map<Node, List<Description>> byGraph = new LinkedHashMap<>();
    result
        .descriptions()
        .forEach(d -> byGraph.computeIfAbsent(d.graph(), g -> new ArrayList<>()).add(d));
    for (Map.Entry<Node, List<Description>> entry : byGraph.entrySet()) {
      Node graph = entry.getKey();
      List<Description> described = entry.getValue();
      boolean first = graphs.slot(graph) < 0;
      int slot = graphs.describedBy(graph, file, described.size());
      noteConflicts(result, slot, described, file, first);
      if (spill != null) {
        // Bulk load: the multi-valued facts now; the single-valued ones once the winner is known.
        contents.add(Merge.shared(graph, described));
        for (int i = 0; i < described.size(); i++) {
          Description d = described.get(i);
          int seq = nextSeq++;
          spill.add(seq, graph, d.own());
          graphs.offerWinner(slot, seq, file, d.precedence(), first && i == 0);
        }
        meta.addAll(
            first
                ? provenance.graph(graph, source, run, at)
                : Provenance.derivedFrom(graph, source));
        if (first) {
          counts.added++;
        }
      } else if (!writeAlone(graph, slot, file, source, described, stored, index)) {
        graphs.set(slot, RunGraphs.DEFERRED); // merged with its other descriptions at the end
      } else {
        dropState(graph);
        contents.add(Merge.of(graph, described));
        subjects.add(graph);
        meta.addAll(provenance.graph(graph, source, run, at));
      }
    }
    List<Node> remove = new ArrayList<>();
    for (Node old : stored.graphsOfPath()) {
      if (!byGraph.containsKey(old)) {
        retire(old, source, stored.sourcesOf(old, index), remove, subjects);
      }
    }
    // The unit records the file's new hash: until it is in, a re-run reads the file again.
    writer.write(new BatchWriter.Unit(contents, remove, subjects, meta, true));
  }

  /**
   * True when a file's description of a graph is all there is of it (one description, no other file
   * of this run, no other source in the store), so it can be written at once; it is then counted as
   * added or replaced from the same lookup of the graph's stored sources.
   */
  private boolean writeAlone(
      Node graph,
      int slot,
      int file,
      Node source,
      List<Description> described,
      FileResult.Stored stored,
      SourceIndex index) {
    if (described.size() != 1
        || graphs.describedByOther(slot, file)
        || graphs.has(slot, RunGraphs.DEFERRED)) {
      return false;
    }
    List<Node> sources = stored.sourcesOf(graph, index);
    if (sources.stream().anyMatch(s -> !s.equals(source))) {
      return false;
    }
    graphs.set(slot, RunGraphs.WRITTEN);
    count(!sources.isEmpty());
    return true;
  }

  /** Counts a graph written in full as replaced (the store held it) or added. */
  private void count(boolean held) {
    if (held) {
      counts.replaced++;
    } else {
      counts.added++;
    }
  }

  /**
   * A graph that {@code source} no longer describes: removed when nothing else describes it,
   * otherwise merged again at the end from the descriptions that remain.
   */
  private void retire(
      Node graph, Node source, List<Node> sources, List<Node> remove, List<Node> subjects) {
    if (graphs.slot(graph) >= 0 || sources.stream().anyMatch(s -> !s.equals(source))) {
      graphs.defer(graph);
      graphs.set(graphs.slot(graph), RunGraphs.RETIRED);
    } else {
      dropState(graph);
      remove.add(graph);
      subjects.add(graph);
      counts.removed++;
    }
  }

  /** Forgets the merge state of a graph written from one description, or removed. */
  private void dropState(Node graph) {
    if (merges.has(graph)) {
      mergeChanges.drop(graph);
    }
  }

  /**
   * The merge states of a bulk load: the winning descriptions' facts come back from the spill, each
   * description's in a row; a graph of several descriptions gets a state whose "also multi-valued?"
   * marks are unknown (the load never holds the multi-valued facts together).
   */
  private final class BulkStates {
    private Node graph;
    private final List<Triple> own = new ArrayList<>();

    void accept(Quad quad) {
      if (!quad.getGraph().equals(graph)) {
        flush();
        graph = quad.getGraph();
      }
      own.add(quad.asTriple());
    }

    void flush() {
      if (graph != null) {
        int slot = graphs.slot(graph);
        if (graphs.descriptions(slot) > 1) {
          byte[] flags = new byte[own.size()];
          Arrays.fill(flags, MergeStates.UNKNOWN);
          mergeChanges.put(
              graph,
              new MergeStates.Entry(
                  graphs.winner(slot),
                  own,
                  flags,
                  graphs.descriptions(slot),
                  graphs.firstPublished(slot),
                  graphs.firstProvider(slot),
                  graphs.firstPath(slot),
                  graphs.conflictText(slot)));
        }
      }
      graph = null;
      own.clear();
    }
  }

  /** Reports descriptions of one article that disagree on what a merge cannot reconcile. */
  private void noteConflicts(
      FileResult result, int slot, List<Description> described, int file, boolean first) {
    for (int i = 0; i < described.size(); i++) {
      Description d = described.get(i);
      String conflict = graphs.conflict(slot, d, file, first && i == 0);
      if (conflict != null) {
        report(List.of(Merge.warning(result.name(), d.precedence(), conflict)));
      }
    }
  }

  /** Counts and lists (as notes) the articles a bulk load merged from several descriptions. */
  private void countBulkMerges() {
    for (int slot = 0; slot < graphs.size(); slot++) {
      if (graphs.descriptions(slot) > 1) {
        merged(
            graphs.graph(slot),
            graphs.descriptions(slot),
            graphs.filesOf(slot).stream().map(graphs::path).toList());
      }
    }
  }

  private void merged(Node graph, int descriptions, List<String> paths) {
    mergedArticles++;
    mergedDescriptions += descriptions;
    if (options.verbose()) {
      List<String> names = paths.stream().map(FileWork::displayName).toList();
      report(
          List.of(
              Problem.note(
                  names.get(0),
                  Position.START,
                  descriptions
                      + " descriptions of "
                      + graph.getURI()
                      + " merged, from "
                      + String.join(", ", names))));
    }
  }

  /** Removes the graphs of indexed source files that no longer exist (stdin is never pruned). */
  private void prune(SourceIndex index, BatchWriter writer) {
    List<String> gone = new ArrayList<>();
    // Pseudo-paths (<stdin>, <system>) have no file to be gone.
    index.forEachPath(
        path -> {
          if (!path.startsWith("<") && !Files.exists(Path.of(path))) {
            gone.add(path);
          }
        });
    for (String path : gone) {
      stampChanges.forget(provenance.key(path));
      Node source = provenance.source(path);
      List<Node> remove = new ArrayList<>();
      List<Node> subjects = new ArrayList<>();
      for (Node graph : index.graphsOf(path)) {
        retire(graph, source, index.sourcesOf(graph), remove, subjects);
      }
      subjects.add(source);
      subjects.add(Provenance.stamp(source));
      writer.write(new BatchWriter.Unit(List.of(), remove, subjects, List.of()));
    }
  }

  /**
   * The merge at the end of a batched run: every graph left for it is written from all its current
   * descriptions, read again from their files (the ones of this run, and the ones the store
   * records), a chunk of graphs at a time so that memory stays bounded; a graph nothing describes
   * any more is removed.
   */
  private final class DeferredMerge {
    private static final int CHUNK = 1000;
    private final SourceIndex index;
    private final FileWork work;
    private final Node run;
    private final BatchWriter writer;

    DeferredMerge(SourceIndex index, FileWork work, Node run, BatchWriter writer) {
      this.index = index;
      this.work = work;
      this.run = run;
      this.writer = writer;
    }

    void run() {
      List<Integer> chunk = new ArrayList<>(CHUNK);
      graphs.forEach(
          RunGraphs.DEFERRED,
          slot -> {
            chunk.add(slot);
            if (chunk.size() == CHUNK) {
              merge(chunk);
              chunk.clear();
            }
          });
      merge(chunk);
    }

    private void merge(List<Integer> slots) {
      List<Integer> full = new ArrayList<>();
      Map<Integer, Quick> quick = new LinkedHashMap<>();
      for (int slot : slots) {
        Quick q = quick(slot);
        if (q == null) {
          full.add(slot);
        } else {
          quick.put(slot, q);
        }
      }
      if (!quick.isEmpty()) {
        // Only the run's own files are read; the stored descriptions are the graph and its state.
        Map<String, Set<Node>> wanted = new TreeMap<>();
        for (Map.Entry<Integer, Quick> e : quick.entrySet()) {
          Node graph = graphs.graph(e.getKey());
          e.getValue()
              .runPaths
              .forEach(p -> wanted.computeIfAbsent(p, q -> new HashSet<>()).add(graph));
        }
        Map<Node, List<Description>> found = read(wanted);
        for (Map.Entry<Integer, Quick> e : quick.entrySet()) {
          int slot = e.getKey();
          if (!mergeQuick(slot, e.getValue(), found.getOrDefault(graphs.graph(slot), List.of()))) {
            full.add(slot);
          }
        }
      }
      mergeFull(full);
    }

    /**
     * A graph that can be merged from its stored graph and state with the run's descriptions of it:
     * it has a state, the run's files only add descriptions (none of them described it before, no
     * file stopped describing it), and its stored descriptions come from files unchanged since.
     */
    private record Quick(
        MergeStates.Entry state, List<String> storedPaths, List<String> runPaths) {}

    private Quick quick(int slot) {
      Node graph = graphs.graph(slot);
      if (merges.size() == 0
          || !merges.has(graph)
          || graphs.has(slot, RunGraphs.WRITTEN)
          || graphs.has(slot, RunGraphs.RETIRED)) {
        return null;
      }
      List<String> runPaths = graphs.filesOf(slot).stream().map(graphs::path).toList();
      List<String> storedPaths = index.sourcePathsOf(graph);
      if (runPaths.isEmpty() || storedPaths.isEmpty()) {
        return null;
      }
      for (String path : runPaths) {
        if (path.startsWith("<") || storedPaths.contains(path)) {
          return null;
        }
      }
      for (String path : storedPaths) {
        if (!unchangedSinceStored(path)) {
          return null;
        }
      }
      MergeStates.Entry state = merges.get(graph);
      return state == null ? null : new Quick(state, storedPaths, runPaths);
    }

    /**
     * True when a stored description's file is there with the stamp the store records: its
     * description is the one the state summarises. Standard input is not read again (see {@link
     * #mergeFull}); a file gone, rejected now, or modified without its hash being recorded is read
     * again by the full merge, which decides what it still says.
     */
    private boolean unchangedSinceStored(String path) {
      if (path.startsWith("<")) {
        return false;
      }
      try {
        return index.stampEquals(path, FileStamp.of(Path.of(path)));
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    /**
     * Merges new descriptions into a stored graph by its state (see {@link MergeStates}).
     *
     * @return false when the state cannot tell the result: the graph is then merged in full
     */
    private boolean mergeQuick(int slot, Quick q, List<Description> added) {
      if (added.isEmpty()) {
        return false; // the run's file changed again since it was read: read everything
      }
      Node graph = graphs.graph(slot);
      MergeStates.Entry state = q.state;
      Set<Triple> stored = new LinkedHashSet<>();
      store.exportQuads(
          graph,
          new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
              stored.add(quad.asTriple());
            }
          });
      if (stored.isEmpty()) {
        return false;
      }
      Set<Triple> shared = new LinkedHashSet<>();
      added.forEach(d -> shared.addAll(d.shared()));
      Description best = Merge.winner(added);
      List<Triple> oldOwn = state.own();
      Set<Triple> result = new LinkedHashSet<>(stored);
      List<Triple> own;
      byte[] flags;
      Description.Precedence winner;
      if (state.winner().compareTo(best.precedence()) < 0) {
        // The stored winner still ranks first: its facts stay, the new multi-valued ones join.
        winner = state.winner();
        own = oldOwn;
        flags = Arrays.copyOf(state.flags(), oldOwn.size());
        for (int i = 0; i < own.size(); i++) {
          if (shared.contains(own.get(i))) {
            flags[i] = MergeStates.ALSO_SHARED;
          }
        }
        result.addAll(shared);
      } else {
        winner = best.precedence();
        Set<Triple> newOwn = new HashSet<>(best.own());
        Map<Triple, Byte> oldFlags = new HashMap<>();
        for (int i = 0; i < oldOwn.size(); i++) {
          Triple t = oldOwn.get(i);
          byte flag = state.flags()[i];
          if (flag == MergeStates.UNKNOWN && !newOwn.contains(t) && !shared.contains(t)) {
            return false; // stays only if some stored description states it as multi-valued
          }
          if (flag == MergeStates.ONLY_OWN) {
            result.remove(t);
          }
          oldFlags.put(t, flag);
        }
        result.addAll(shared);
        result.addAll(best.own());
        own = best.own();
        flags = new byte[own.size()];
        for (int i = 0; i < own.size(); i++) {
          Triple t = own.get(i);
          Byte old = oldFlags.get(t);
          if (shared.contains(t)) {
            flags[i] = MergeStates.ALSO_SHARED;
          } else if (old != null) {
            flags[i] = old;
          } else {
            // Not an old own fact: in the stored graph only as a multi-valued fact.
            flags[i] = stored.contains(t) ? MergeStates.ALSO_SHARED : MergeStates.ONLY_OWN;
          }
        }
      }
      int descriptions = state.descriptions() + added.size();
      Set<String> paths = new TreeSet<>(q.storedPaths);
      added.forEach(d -> paths.add(d.precedence().path()));
      String conflict = state.conflict();
      if (conflict == null) {
        List<Description> byPath = new ArrayList<>(added);
        byPath.sort(
            Comparator.comparing((Description d) -> d.precedence().path())
                .thenComparingInt(d -> d.precedence().line()));
        for (Description d : byPath) {
          conflict =
              Merge.disagreement(
                  state.published(),
                  state.provider(),
                  state.path(),
                  d.published(),
                  d.provider(),
                  d.precedence().path());
          if (conflict != null) {
            break;
          }
        }
      }
      Node at = Provenance.time(Instant.now());
      List<Triple> meta = new ArrayList<>();
      for (String path : paths) {
        meta.addAll(provenance.graph(graph, provenance.source(path), run, at));
      }
      count(true);
      if (descriptions > 1) {
        merged(graph, descriptions, List.copyOf(paths));
        if (conflict != null && !graphs.has(slot, RunGraphs.CONFLICT)) {
          Description.Precedence p = added.get(0).precedence();
          report(List.of(Merge.warning(FileWork.displayName(p.path()), p, conflict)));
        }
      }
      mergeChanges.put(
          graph,
          new MergeStates.Entry(
              winner,
              own,
              flags,
              descriptions,
              state.published(),
              state.provider(),
              state.path(),
              conflict));
      writer.write(
          new BatchWriter.Unit(
              List.of(new GraphContent(graph, new ArrayList<>(result))),
              List.of(),
              List.of(graph),
              meta));
      return true;
    }

    /** The descriptions of the wanted graphs that the wanted files give now. */
    private Map<Node, List<Description>> read(Map<String, Set<Node>> wanted) {
      Map<Node, List<Description>> found = new HashMap<>();
      for (Map.Entry<String, Set<Node>> entry : wanted.entrySet()) {
        String path = entry.getKey();
        List<Description> now =
            path.equals(FileWork.STDIN)
                ? stdinDescriptions
                : path.startsWith("<") ? List.of() : work.reread(path);
        for (Description d : now) {
          if (entry.getValue().contains(d.graph())) {
            found.computeIfAbsent(d.graph(), g -> new ArrayList<>()).add(d);
          }
        }
      }
      return found;
    }

    private void mergeFull(List<Integer> slots) {
      if (slots.isEmpty()) {
        return;
      }
      Map<String, Set<Node>> wanted = new TreeMap<>();
      for (int slot : slots) {
        Node graph = graphs.graph(slot);
        graphs
            .filesOf(slot)
            .forEach(f -> wanted.computeIfAbsent(graphs.path(f), p -> new HashSet<>()).add(graph));
        index
            .sourcePathsOf(graph)
            .forEach(p -> wanted.computeIfAbsent(p, q -> new HashSet<>()).add(graph));
      }
      Map<Node, List<Description>> found = read(wanted);
      Node at = Provenance.time(Instant.now());
      for (int slot : slots) {
        Node graph = graphs.graph(slot);
        List<Description> described = found.getOrDefault(graph, List.of());
        if (described.isEmpty()) {
          if (graphs.has(slot, RunGraphs.WRITTEN) || index.holds(graph)) {
            counts.removed++;
          }
          dropState(graph);
          writer.write(new BatchWriter.Unit(List.of(), List.of(graph), List.of(graph), List.of()));
          continue;
        }
        List<Triple> meta = new ArrayList<>();
        Set<String> paths = new TreeSet<>();
        described.forEach(d -> paths.add(d.precedence().path()));
        for (String path : paths) {
          meta.addAll(provenance.graph(graph, provenance.source(path), run, at));
        }
        if (!graphs.has(slot, RunGraphs.WRITTEN)) {
          count(index.holds(graph));
        }
        if (described.size() > 1) {
          merged(graph, described.size(), List.copyOf(paths));
          String conflict = graphs.has(slot, RunGraphs.CONFLICT) ? null : Merge.conflict(described);
          if (conflict != null) {
            Description.Precedence p = described.get(0).precedence();
            report(List.of(Merge.warning(FileWork.displayName(p.path()), p, conflict)));
          }
        }
        keepState(graph, described);
        writer.write(
            new BatchWriter.Unit(
                List.of(Merge.of(graph, described)), List.of(), List.of(graph), meta));
      }
    }

    /** Records the state of a graph merged from all its descriptions (all known, so exact). */
    private void keepState(Node graph, List<Description> described) {
      Set<Triple> shared = new HashSet<>();
      described.forEach(d -> shared.addAll(d.shared()));
      Description winner = Merge.winner(described);
      byte[] flags = new byte[winner.own().size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] =
            shared.contains(winner.own().get(i)) ? MergeStates.ALSO_SHARED : MergeStates.ONLY_OWN;
      }
      List<Description> byPath = new ArrayList<>(described);
      byPath.sort(
          Comparator.comparing((Description d) -> d.precedence().path())
              .thenComparingInt(d -> d.precedence().line()));
      Description first = byPath.get(0);
      mergeChanges.put(
          graph,
          new MergeStates.Entry(
              winner.precedence(),
              winner.own(),
              flags,
              described.size(),
              first.published(),
              first.provider(),
              first.precedence().path(),
              described.size() > 1 ? Merge.conflict(described) : null));
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
      if (problem.severity() == Problem.Severity.NOTE) {
        if (options.verbose()) {
          problems.accept(problem);
        }
        continue;
      }
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
