package org.newsgraph.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.newsgraph.model.Problem;

/**
 * What a worker made of one source file.
 *
 * @param name the file as the user named it (for messages)
 * @param path its absolute normalised path (the identity kept in the metadata), or {@code <stdin>}
 * @param sha256 the SHA-256 of its bytes, hex (null when it was skipped by its stamp, unread)
 * @param outcome whether the file was read, found unchanged (nothing else was done) or skipped
 * @param descriptions one per record, in record order; empty when rejected
 * @param problems every error and warning, in file order
 * @param stamp the file's size and modification time to record, or null (standard input, a file
 *     modified moments before it was read, or one that could not be read)
 * @param restamp true when the file is unchanged by its hash but {@code stamp} differs from the
 *     recorded one (touched, or recorded as racy): only the stamp is rewritten
 * @param kind what the file was read as ({@code record}, {@code feed}, {@code page}, {@code WARC}),
 *     or null when it was not read
 * @param skippedRecords for a WARC file, its records that gave no page, by reason
 * @param stored what the store held of the file and its graphs when the worker read it, or null
 *     (looked up by the writer then)
 */
record FileResult(
    String name,
    String path,
    String sha256,
    Outcome outcome,
    List<Description> descriptions,
    List<Problem> problems,
    FileStamp stamp,
    boolean restamp,
    String kind,
    Map<String, Long> skippedRecords,
    Stored stored) {

  /** Copies the map. */
  FileResult {
    skippedRecords = Map.copyOf(skippedRecords);
  }

  /** This result with the store's facts about it. */
  FileResult with(Stored facts) {
    return new FileResult(
        name,
        path,
        sha256,
        outcome,
        descriptions,
        problems,
        stamp,
        restamp,
        kind,
        skippedRecords,
        facts);
  }

  /**
   * What the store records of a changed file, looked up by the worker that read it so that the one
   * writer thread does not wait for it (on a remote store, a round trip each): the graphs derived
   * from the file, and the sources of each graph it describes or described. The store changes
   * during a run only by the run's own writes, and the writer consults these facts only for graphs
   * no other file of the run has described, whose sources the run has not touched: looked up
   * earlier, they are what the writer would find.
   *
   * @param graphsOfPath the record graphs derived from the file
   * @param sourcesOfGraph the source nodes of each of those graphs and of the graphs it describes
   */
  record Stored(List<Node> graphsOfPath, Map<Node, List<Node>> sourcesOfGraph) {

    /** Looks the facts up for a file and the graphs its descriptions name. */
    static Stored lookUp(SourceIndex index, String path, List<Description> descriptions) {
      List<Node> graphs = index.graphsOf(path);
      Map<Node, List<Node>> sources = new HashMap<>();
      for (Node graph : graphs) {
        sources.computeIfAbsent(graph, index::sourcesOf);
      }
      for (Description d : descriptions) {
        sources.computeIfAbsent(d.graph(), index::sourcesOf);
      }
      return new Stored(List.copyOf(graphs), sources);
    }

    /** The recorded sources of a graph (looked up now if the worker did not). */
    List<Node> sourcesOf(Node graph, SourceIndex index) {
      List<Node> known = sourcesOfGraph.get(graph);
      return known != null ? known : index.sourcesOf(graph);
    }
  }

  /** A file that could not be read or found. */
  static FileResult failed(String name, String path, Problem problem) {
    return new FileResult(
        name,
        path,
        "",
        Outcome.READ,
        List.of(),
        List.of(problem),
        null,
        false,
        null,
        Map.of(),
        null);
  }

  /** A file unchanged since it was last read: nothing to do but maybe record its new stamp. */
  static FileResult unchanged(
      String name, String path, String sha256, FileStamp stamp, boolean restamp) {
    return new FileResult(
        name,
        path,
        sha256,
        Outcome.UNCHANGED,
        List.of(),
        List.of(),
        stamp,
        restamp,
        org.newsgraph.source.RecordReader.kindOfName(path),
        Map.of(),
        null);
  }

  /** A file the walk did not offer, with a note saying why (shown with {@code --verbose}). */
  static FileResult skipped(String name, String path, String why) {
    return new FileResult(
        name,
        path,
        null,
        Outcome.SKIPPED,
        List.of(),
        List.of(Problem.note(name, org.newsgraph.model.Position.START, "skipped: " + why)),
        null,
        false,
        null,
        Map.of(),
        null);
  }

  /** What became of a file. */
  enum Outcome {
    /** Read (or tried: see the problems). */
    READ,
    /** Unchanged since it was last read, so not read again. */
    UNCHANGED,
    /** Not a record file: not read. */
    SKIPPED
  }

  /** True when the file was unchanged since it was last read. */
  boolean unchanged() {
    return outcome == Outcome.UNCHANGED;
  }

  /** True when some problem is an error: the file is left out whole. */
  boolean rejected() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
