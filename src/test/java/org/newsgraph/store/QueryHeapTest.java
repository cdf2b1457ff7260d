package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.query.NamedQuery;
import org.newsgraph.query.ParamBinder;
import org.newsgraph.query.PreparedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.vocab.IriFactory;

/**
 * The named queries that rank every article ({@code top-linked}, {@code duplicates}) run in a heap
 * that their earlier form, one group per article of the store, runs out of: each runs in a child
 * JVM under the same small {@code -Xmx} on a generated corpus, once as shipped and once in the
 * earlier form (kept under {@code src/test/resources/org/newsgraph/query/}, prepared with the same
 * parameters). The shipped form answers, with the rows the earlier form gives in this JVM; the
 * earlier form exits with the out-of-memory code. Measured on this corpus (30,000 records): the
 * shipped top-linked answered in 44 MB, the earlier one ran out of 56 MB; the shipped duplicates
 * answered in 64 MB, the earlier one ran out of 128 MB. The shipped forms hold one article's group
 * and the best rows at a time; beyond that, what they need grows only with TDB2's node caches,
 * which are bounded by entry count. The embedded store now answers duplicates with an index
 * function ({@code store.index.Duplicates}), which holds the URL statements sorted, 16 bytes each
 * (about 3 MB here): it answers in the same heap, with the same rows.
 *
 * <p>Tagged "heavy" (left out of the default suite: building the corpus takes minutes); run it with
 * {@code mvn -B verify -Dtest.excludedGroups=benchmark -Dtest=QueryHeapTest}.
 */
@Tag("slow")
@Tag("heavy")
class QueryHeapTest {

  private static final int RECORDS = 30_000;
  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);

  @TempDir static Path tmp;
  private static Path db;

  @BeforeAll
  static void ingest() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, RECORDS);
    db = tmp.resolve("db");
    Cli.Result run =
        IngestFixtures.cli("ingest", "--no-progress", "--db", db.toString(), src.toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("top-linked", Map.of("limit", "20", "links", "all"), "52m"),
        Arguments.of("duplicates", Map.of("limit", "100"), "80m"));
  }

  @ParameterizedTest(name = "{0} {1} in -Xmx{2}")
  @MethodSource("queries")
  void theShippedFormAnswersInAHeapTheGroupPerArticleFormRunsOutOf(
      String name, Map<String, String> params, String heap) throws Exception {
    NamedQuery earlier = NamedQuery.parse(name + "-grouped.rq", resource(name + "-grouped.rq"));
    String expected;
    Path earlierFile = tmp.resolve(name + "-" + params.hashCode() + "-grouped.rq");
    try (Tdb2Store store = Tdb2Store.open(db)) {
      PreparedQuery prepared = new ParamBinder(store, IRIS).prepare(earlier, params);
      Map<Var, Node> values = new HashMap<>();
      prepared.binding().forEach(values::put);
      Query bound = QueryTransformOps.syntaxSubstitute(prepared.query(), values);
      Files.writeString(earlierFile, bound.serialize(), StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new QueryRunner(store, QueryCatalog.load(), IRIS)
          .run(prepared.query(), prepared.binding(), OutputFormat.CSV, out);
      expected = out.toString(StandardCharsets.UTF_8);
    }
    assertThat(expected.lines().count()).as("a header and rows").isGreaterThan(5);

    String log = name + "-" + Math.abs(params.hashCode());
    String[] shipped =
        Stream.concat(
                Stream.of("query", "--db", db.toString(), "-f", "csv", name),
                params.entrySet().stream()
                    .flatMap(e -> Stream.of("--param", e.getKey() + "=" + e.getValue())))
            .toArray(String[]::new);
    Process child = ChildJvm.startWithHeap(tmp, log, heap, shipped);
    assertThat(ChildJvm.await(child, 300)).as(ChildJvm.err(tmp, log)).isZero();
    assertThat(Files.readString(tmp.resolve(log + ".out"), StandardCharsets.UTF_8))
        .isEqualTo(expected);

    Process grouped =
        ChildJvm.startWithHeap(
            tmp,
            log + "-grouped",
            heap,
            "query",
            "--db",
            db.toString(),
            "-f",
            "csv",
            "@" + earlierFile);
    int exit = ChildJvm.await(grouped, 300);
    String err = ChildJvm.err(tmp, log + "-grouped");
    assertThat(exit).as("the group-per-article form runs out of heap: " + err).isEqualTo(4);
    assertThat(err).contains("out of memory");
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = QueryHeapTest.class.getResourceAsStream("/org/newsgraph/query/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
