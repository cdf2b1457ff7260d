package org.newsgraph.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.newsgraph.model.Problem;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.Record;
import org.newsgraph.source.RecordReader;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Runs every folder of {@code src/test/resources/cases/}: reads its {@code input*} file, maps its
 * records, and compares the union of the record graphs with {@code expected.ttl} by graph
 * isomorphism and the reported problems with {@code expected.err} (whole lines; no file means no
 * problem). A case without {@code expected.ttl} must be rejected whole: no record, no triple.
 */
class GoldenCasesTest {

  private static final Path CASES = Path.of("src/test/resources/cases");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<Path> folders;
    try (Stream<Path> list = Files.list(CASES)) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(folders).isNotEmpty();
    return folders.stream()
        .map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> run(folder)));
  }

  private static void run(Path folder) throws IOException {
    Path input = inputOf(folder);
    String name = input.getFileName().toString();
    ReadResult result = new RecordReader(ReaderLimits.DEFAULT).read(input, name);
    List<Problem> problems = new ArrayList<>(result.problems());
    Graph actual = GraphFactory.createDefaultGraph();
    Set<Node> graphs = new java.util.HashSet<>();
    RecordMapper mapper = new RecordMapper(IriFactory.of(IriFactory.DEFAULT_BASE));
    for (Record record : result.records()) {
      Node graph =
          mapper.map(
              record,
              new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                  graphs.add(quad.getGraph());
                  actual.add(quad.asTriple());
                }
              },
              problems);
      assertThat(graphs).contains(graph);
    }
    assertThat(lines(problems))
        .as("problems of %s", folder)
        .containsExactlyElementsOf(expectedLines(folder.resolve("expected.err")));
    Path expectedTtl = folder.resolve("expected.ttl");
    if (!Files.exists(expectedTtl)) {
      assertThat(result.records()).as("a rejected record stores nothing").isEmpty();
      assertThat(actual.isEmpty()).isTrue();
      return;
    }
    Graph expected = RDFDataMgr.loadGraph(expectedTtl.toString());
    if (!IsoMatcher.isomorphic(expected, actual)) {
      throw new AssertionError(
          "graph of "
              + folder
              + " differs from expected.ttl\nmissing:\n"
              + difference(expected, actual)
              + "\nunexpected:\n"
              + difference(actual, expected));
    }
    for (Node graph : graphs) {
      assertThat(actual.contains(graph, NewsVocab.DCTERMS_SOURCE, Node.ANY))
          .as("graph %s names its source", graph)
          .isTrue();
    }
  }

  private static Path inputOf(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.getFileName().toString().startsWith("input"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no input file in " + folder));
    }
  }

  private static List<String> lines(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  private static List<String> expectedLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .toList();
  }

  private static String difference(Graph a, Graph b) {
    Set<String> out = new TreeSet<>();
    for (Triple t : a.find().toList()) {
      if (!b.contains(t)) {
        out.add("  " + t);
      }
    }
    return String.join("\n", out);
  }
}
