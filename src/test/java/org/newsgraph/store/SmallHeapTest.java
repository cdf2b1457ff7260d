package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;

/**
 * newsgraph on a small Java heap, run in child JVMs with {@code -Xmx} set: the bulk path fits in 96
 * MB, and a run that still runs out of heap says so in one line, exits 4 and leaves the store at
 * its last commit.
 */
@Tag("slow")
class SmallHeapTest {

  @TempDir Path tmp;

  /** Jena's phased loader ran out of this heap on this corpus (and then hung). */
  @Test
  void aBulkLoadFitsASmallHeapAndGivesTheGraphsOfBatchedTransactions() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 2_000);
    Path bulk = tmp.resolve("bulk");
    Process small =
        ChildJvm.startWithHeap(
            tmp, "small", "96m", "ingest", "--db", bulk.toString(), src.toString());
    assertThat(ChildJvm.await(small, 180)).as(ChildJvm.err(tmp, "small")).isZero();
    assertThat(ChildJvm.err(tmp, "small")).contains("2000 added").contains("[bulk load]");

    Path batched = tmp.resolve("batched");
    Cli.Result txn =
        IngestFixtures.cli("ingest", "--no-bulk", "--db", batched.toString(), src.toString());
    assertThat(txn.exit()).as(txn.err()).isZero();
    Set<Quad> fromBulk = IngestFixtures.dataQuads(bulk);
    assertThat(fromBulk).hasSizeGreaterThan(2_000 * 50);
    assertThat(fromBulk).isEqualTo(IngestFixtures.dataQuads(batched));
  }

  @Test
  void runningOutOfHeapSaysSoInOneLineExitsFourAndKeepsTheLastCommit() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 100);
    Path db = tmp.resolve("db");
    Cli.Result first = IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    Set<Quad> committed = IngestFixtures.recordQuads(db);

    // One record far larger than a 64 MB heap can parse, let in by a raised size cap.
    Path huge = src.resolve("huge.md");
    try (BufferedWriter out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      out.write(
          "---\ntitle: \"A record too large for the heap\"\n"
              + "originalUrl: \"https://huge.example/story\"\nexcerpt: \"");
      String block = "All work and no play. ".repeat(1_000);
      for (int i = 0; i < 3_000; i++) {
        out.write(block);
      }
      out.write("\"\n---\n");
    }
    Process child =
        ChildJvm.startWithHeap(
            tmp,
            "oom",
            "64m",
            "ingest",
            "--max-file-size",
            "200000000",
            "--db",
            db.toString(),
            src.toString());
    int exit = ChildJvm.await(child, 120);
    String err = ChildJvm.err(tmp, "oom");
    assertThat(exit).as(err).isEqualTo(4);
    assertThat(
            err.lines()
                .filter(l -> l.startsWith("newsgraph: out of memory: the Java heap (at most ")))
        .as(err)
        .hasSize(1);
    assertThat(err).contains("-Xmx").doesNotContain("Exception in thread").doesNotContain("\tat ");
    assertThat(IngestFixtures.recordQuads(db))
        .as("the records of the last commit, no more, no less")
        .isEqualTo(committed);
  }
}
