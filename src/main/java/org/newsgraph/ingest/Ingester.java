package org.newsgraph.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.map.MappingException;
import org.newsgraph.model.Problem;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.Record;
import org.newsgraph.source.RecordReader;
import org.newsgraph.source.SourceWalker;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;

/**
 * Runs an ingest: walks the sources, reads and maps each record into its own graph, and writes the
 * graphs in batches, each batch one store transaction (a record is never split across two). A record
 * with any error is reported and left out whole. Not thread-safe; one per run.
 */
public final class Ingester {

  private final GraphStore store;
  private final RecordReader reader;
  private final RecordMapper mapper;
  private final int batchSize;
  private final Consumer<Problem> problems;
  private final List<GraphContent> systemGraphs;
  private Consumer<Set<Node>> afterBatch = graphs -> { };

  private final Map<Node, GraphContent> batch = new LinkedHashMap<>();
  private final Map<Node, String> sourceOfGraph = new HashMap<>();
  private final Set<String> unknownKeys = new HashSet<>();
  private long filesRead;
  private long stored;
  private long rejected;
  private long warnings;

  /**
   * @param store where graphs go
   * @param reader reads record files
   * @param mapper maps records to quads
   * @param batchSize records per write transaction (at least 1)
   * @param systemGraphs ontology and link graphs, written first in a transaction of their own
   * @param problems receives every error and every warning as it is found
   */
  public Ingester(GraphStore store, RecordReader reader, RecordMapper mapper, int batchSize,
      List<GraphContent> systemGraphs, Consumer<Problem> problems) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    this.store = store;
    this.reader = reader;
    this.mapper = mapper;
    this.batchSize = batchSize;
    this.problems = problems;
    this.systemGraphs = List.copyOf(systemGraphs);
  }

  /**
   * Sets what runs after each batch committed, with the names of the graphs the batch wrote (the
   * story materialisation keeps its stories up to date there). It runs on the ingest thread before
   * the next batch; what it throws ends the run like a failed write.
   *
   * @param listener receives the graph names of each committed batch
   * @return this ingester
   */
  public Ingester afterBatch(Consumer<Set<Node>> listener) {
    this.afterBatch = java.util.Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Ingests files and folders; {@code -} reads one record from {@code stdin}.
   *
   * @param paths files, folders or {@code -}
   * @param stdin standard input
   * @return the run's counts
   * @throws org.newsgraph.store.StoreException when a write fails (earlier batches stay committed)
   */
  public IngestReport run(List<String> paths, InputStream stdin) {
    store.replaceGraphs(systemGraphs);
    SourceWalker walker = new SourceWalker();
    for (String path : paths) {
      if (path.equals("-")) {
        accept(reader.read(stdin, "<stdin>"));
      } else {
        walker.walk(Path.of(path), file -> accept(reader.read(file, file.toString())));
      }
    }
    flush();
    return new IngestReport(filesRead, stored, rejected, walker.skipped(), warnings, unknownKeys.size());
  }

  private void accept(ReadResult result) {
    filesRead++;
    List<Problem> found = new ArrayList<>(result.problems());
    List<GraphContent> graphs = new ArrayList<>();
    for (Record record : result.records()) {
      try {
        TripleCollector collector = new TripleCollector();
        Node graph = mapper.map(record, collector, found);
        graphs.add(new GraphContent(graph, collector.triples));
      } catch (MappingException e) {
        found.add(Problem.error(record.source(), e.position(), e.getMessage()));
      }
    }
    report(found);
    if (result.rejected() || found.stream().anyMatch(Problem::isError)) {
      rejected++;
      return;
    }
    for (int i = 0; i < graphs.size(); i++) {
      GraphContent content = graphs.get(i);
      String source = result.records().get(i).source();
      String earlier = sourceOfGraph.put(content.graph(), source);
      if (earlier != null && !earlier.equals(source)) {
        report(List.of(Problem.warning(source, result.records().get(i).position(),
            "describes the same article as " + earlier + "; this file's description replaces it")));
      }
      batch.put(content.graph(), content);
      stored++;
    }
    if (batch.size() >= batchSize) {
      flush();
    }
  }

  private void report(List<Problem> found) {
    for (Problem problem : found) {
      if (!problem.isError()) {
        if (problem.unknownKey() != null && !unknownKeys.add(problem.unknownKey())) {
          continue; // reported once per run
        }
        warnings++;
      }
      problems.accept(problem);
    }
  }

  private void flush() {
    if (!batch.isEmpty()) {
      store.replaceGraphs(batch.values());
      Set<Node> written = new HashSet<>(batch.keySet());
      batch.clear();
      afterBatch.accept(written);
    }
  }

  /** Collects the quads of one record (all in one graph) as triples. */
  private static final class TripleCollector extends StreamRDFBase {
    final List<Triple> triples = new ArrayList<>();

    @Override
    public void quad(Quad quad) {
      triples.add(quad.asTriple());
    }

    @Override
    public void triple(Triple triple) {
      triples.add(triple);
    }
  }
}
