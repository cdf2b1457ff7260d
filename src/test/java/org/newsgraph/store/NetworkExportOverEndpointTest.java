package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsgraph.cli.Cli;
import org.newsgraph.infer.InferenceSite;

/**
 * The network exports read a remote store ({@code --endpoint}, a real Fuseki) through SPARQL as
 * they read TDB2: the same records ingested into both give the same nodes and edges.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkExportOverEndpointTest {

  private Path tmp;
  private FusekiFixture fuseki;
  private String db;

  @BeforeAll
  void ingestIntoBoth(@TempDir Path dir) throws IOException {
    tmp = dir;
    Path site = InferenceSite.write(tmp.resolve("site"));
    String base = "src/test/resources/fixtures/catalog/base";
    db = tmp.resolve("db").toString();
    Cli.Result local = Cli.run("ingest", "--db", db, base, site.toString());
    assertThat(local.exit()).as(local.err()).isZero();
    fuseki = new FusekiFixture(tmp.resolve("fuseki-db"));
    Cli.Result remote = Cli.run("ingest", "--endpoint", fuseki.url(), base, site.toString());
    assertThat(remote.exit()).as(remote.err()).isZero();
  }

  @AfterAll
  void stopServer() {
    fuseki.close();
  }

  @ParameterizedTest(name = "{0} --links {1}")
  @CsvSource({
    "citation-network,all",
    "citation-network,given",
    "story-network,all",
    "story-network,given"
  })
  void theRemoteStoreGivesTheNetworkOfTdb2(String profile, String links) throws IOException {
    Path fromDb = export(profile, links, "--db", db);
    Path fromEndpoint = export(profile, links, "--endpoint", fuseki.url());
    for (String file : List.of("nodes.csv", "edges.csv")) {
      List<String> expected = sortedLines(fromDb.resolve(file));
      assertThat(expected).as(file).hasSizeGreaterThan(2);
      assertThat(sortedLines(fromEndpoint.resolve(file))).as(file).isEqualTo(expected);
    }
  }

  private Path export(String profile, String links, String option, String store) {
    Path folder = tmp.resolve(profile + "-" + links + option);
    Cli.Result r =
        Cli.run(
            "export",
            option,
            store,
            "--profile",
            profile,
            "--links",
            links,
            "-f",
            "csv",
            "-o",
            folder.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return folder;
  }

  /** The lines of a CSV file whose fields hold no line break, in order: rows may come in any. */
  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).lines().sorted().toList();
  }
}
