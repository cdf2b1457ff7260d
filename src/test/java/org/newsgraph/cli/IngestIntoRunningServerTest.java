package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.serve.NewsgraphServer;
import org.newsgraph.store.Credentials;
import org.newsgraph.store.Tdb2Store;

/**
 * A {@code serve --writable} server is fed by {@code ingest --endpoint}: the running server keeps
 * the store, and ingest reaches it only over HTTP (Graph Store Protocol PUTs, SPARQL Update for run
 * metadata), authenticated with the same password file.
 */
@Tag("slow")
class IngestIntoRunningServerTest {

  private static final String SEED = "https://www.globaltimes.cn/page/202103/1217051.shtml";

  @TempDir Path dir;

  @Test
  void ingestWithEndpointFeedsTheWritableServerAndQueriesSeeTheRecords() throws Exception {
    Path passwords = Files.writeString(dir.resolve("passwd"), "ingester:feed-me\n");
    try (Tdb2Store store = Tdb2Store.open(dir.resolve("db"))) {
      NewsgraphServer server =
          NewsgraphServer.builder(store)
              .port(0)
              .writable(Credentials.read(passwords))
              .build()
              .start();
      try {
        String endpoint = server.url() + "newsgraph";

        Cli.Result refused = Cli.run("ingest", "--endpoint", endpoint, "seeds");
        assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCodes.STORE);

        Cli.Result ingest =
            Cli.run(
                "ingest", "--endpoint", endpoint, "--endpoint-auth", passwords.toString(), "seeds");
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.err())
            .contains("4 files read, 4 added, 0 replaced, 0 unchanged, 0 rejected");

        Cli.Result again =
            Cli.run(
                "ingest", "--endpoint", endpoint, "--endpoint-auth", passwords.toString(), "seeds");
        assertThat(again.err()).contains("4 files read, 0 added, 0 replaced, 4 unchanged");

        Cli.Result coverage =
            Cli.run(
                "query",
                "coverage",
                "--endpoint",
                endpoint,
                "--param",
                "article=" + SEED,
                "-f",
                "csv");
        assertThat(coverage.exit()).as(coverage.err()).isZero();
        assertThat(coverage.out().lines().skip(1).map(l -> l.split(",")[0]).toList())
            .isEqualTo(List.of("cites", "cites", "cites", "cites", "cites", "cites"));
        assertThat(coverage.out())
            .contains(
                "Newsweek",
                "Geektime",
                "National Journal",
                "PR Newswire",
                "RepublicWorld",
                "WFMZ-TV");
      } finally {
        server.stop();
      }
    }
  }
}
