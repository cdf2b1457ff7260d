package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.cli.Cli;
import org.newsgraph.generate.CorpusGenerator;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/** Helpers shared by the store and ingest tests: run the CLI in-process, read a store's quads. */
public final class IngestFixtures {

  /** The metadata graph under the default base. */
  public static final org.apache.jena.graph.Node META =
      IriFactory.of(IriFactory.DEFAULT_BASE).systemGraph("meta");

  private IngestFixtures() {}

  /** Runs {@code newsgraph args...} in this JVM (the shared {@link Cli} helper). */
  /**
   * An ingester of the default record format under the default base, as the CLI builds one.
   *
   * @param problems receives every problem reported
   */
  public static Ingester ingester(
      GraphStore store,
      IngestOptions options,
      java.util.function.Consumer<org.newsgraph.model.Problem> problems) {
    IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);
    return new Ingester(
        store,
        new org.newsgraph.source.RecordReader(org.newsgraph.source.ReaderLimits.DEFAULT),
        new org.newsgraph.map.RecordMapper(iris),
        new Provenance(iris),
        new org.newsgraph.map.SystemGraphs(iris).load(),
        options,
        problems,
        null);
  }

  /**
   * Moves every {@code every}-th file of a folder (in path order, the first included) to the same
   * place under {@code held}: records kept from a first run, to be added by a later one.
   *
   * @return the folder's files before any was moved, in path order
   */
  public static java.util.List<Path> holdBack(Path site, Path held, int every)
      throws java.io.IOException {
    java.util.List<Path> files;
    try (var walk = java.nio.file.Files.walk(site)) {
      files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
    }
    for (int i = 0; i < files.size(); i += every) {
      Path to = held.resolve(site.relativize(files.get(i)).toString());
      java.nio.file.Files.createDirectories(to.getParent());
      java.nio.file.Files.move(files.get(i), to);
    }
    return files;
  }

  /** Moves every {@code every}-th held file (in path order) back into the folder. */
  public static void putBack(Path held, Path site, int every) throws java.io.IOException {
    java.util.List<Path> back;
    try (var walk = java.nio.file.Files.walk(held)) {
      back = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
    }
    for (int i = 0; i < back.size(); i += every) {
      java.nio.file.Files.move(back.get(i), site.resolve(held.relativize(back.get(i)).toString()));
    }
  }

  public static Cli.Result cli(String... args) {
    return Cli.run(args);
  }

  /**
   * Writes a generated corpus of {@code count} records, dated an hour ago: a file modified within 3
   * s of an ingest gets no stamp ("racy"), so fresh files would send every test down that rare path
   * and give stores ingested at different moments different metadata.
   */
  public static Path corpus(Path dir, long first, long count) throws java.io.IOException {
    java.time.Instant start = java.time.Instant.now().minusSeconds(1);
    new CorpusGenerator(7).generate(dir, first, count);
    java.nio.file.attribute.FileTime past =
        java.nio.file.attribute.FileTime.from(start.minusSeconds(3600));
    try (var files = java.nio.file.Files.walk(dir)) {
      for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        if (java.nio.file.Files.getLastModifiedTime(file).toInstant().isAfter(start)) {
          java.nio.file.Files.setLastModifiedTime(file, past); // only the files this call wrote
        }
      }
    }
    return dir;
  }

  /** Every quad of a store outside the metadata graph (which holds run times). */
  public static Set<Quad> dataQuads(GraphStore store) {
    Set<Quad> quads = new HashSet<>();
    store.exportQuads(
        null,
        new StreamRDFBase() {
          @Override
          public void quad(Quad q) {
            if (!q.getGraph().equals(META)) {
              quads.add(q);
            }
          }
        });
    return quads;
  }

  /**
   * The quads of {@code expected} that {@code actual} lacks, by hash lookups (AssertJ's {@code
   * containsAll} compares every pair: minutes for a few hundred thousand quads).
   */
  public static Set<Quad> missing(Set<Quad> actual, Set<Quad> expected) {
    Set<Quad> missing = new HashSet<>(expected);
    missing.removeAll(actual);
    return missing;
  }

  /**
   * The quads of a TDB2 store that records produced: neither run metadata nor derived graphs
   * (stories of both kinds, inferred links and their settings), which a killed or failed run may
   * leave stale until the next run recomputes them.
   */
  public static Set<Quad> recordQuads(Path db) {
    Set<Quad> quads = dataQuads(db);
    quads.removeIf(q -> derived(q.getGraph().getURI()));
    return quads;
  }

  private static boolean derived(String graph) {
    for (String prefix : new String[] {"story", "given-story/", "similarity/", "inference"}) {
      if (graph.startsWith(IriFactory.DEFAULT_BASE + "graph/" + prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Every quad of a TDB2 store outside the metadata graph; opens and closes the store. */
  public static Set<Quad> dataQuads(Path db) {
    try (Tdb2Store store = Tdb2Store.open(db)) {
      return dataQuads(store);
    }
  }

  /**
   * What must be equal between an incrementally maintained store and a clean ingest of the same
   * folder: every quad outside the metadata graph, and of the metadata graph the provenance that
   * does not depend on when a run happened (each graph's sources, each source's path and hash).
   */
  public static Set<Quad> comparableState(Path db) {
    java.util.Set<org.apache.jena.graph.Node> kept =
        java.util.Set.of(
            org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
            Provenance.SOURCE_PATH,
            Provenance.SHA256);
    Set<Quad> quads = new HashSet<>();
    try (Tdb2Store store = Tdb2Store.open(db)) {
      store.exportQuads(
          null,
          new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
              if (!q.getGraph().equals(META) || kept.contains(q.getPredicate())) {
                quads.add(q);
              }
            }
          });
    }
    return quads;
  }
}
