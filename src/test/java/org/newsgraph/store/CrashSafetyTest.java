package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;

/**
 * Kills ingest with SIGKILL at random moments, several times, and checks after each kill that the
 * store opens and holds only whole records, and at the end that a re-run converges to exactly the
 * graphs of a clean run. The first round starts on an empty store, so it kills the bulk loader.
 */
@Tag("slow")
class CrashSafetyTest {

  private static final int ROUNDS = 5;

  @TempDir Path tmp;

  @Test
  void sigkillAtRandomMomentsLeavesWholeRecordsAndARerunConverges() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 300);
    Path reference = tmp.resolve("reference");
    Cli.Result clean = IngestFixtures.cli("ingest", "--db", reference.toString(), src.toString());
    assertThat(clean.exit()).as(clean.err()).isZero();
    Map<Node, Set<Quad>> expected = byGraph(IngestFixtures.dataQuads(reference));

    Path db = tmp.resolve("db");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      // Round 0 meets an empty store, so it kills the bulk loader; later rounds kill small commits,
      // slow enough (one record per transaction) that each kill lands mid-run.
      String[] mode =
          round == 0
              ? new String[] {"--progress"}
              : new String[] {"--progress", "--no-bulk", "--threads", "1"};
      Process child =
          ChildJvm.start(
              tmp,
              "round" + round,
              concat(mode, "ingest", "--batch-size", "1", "--db", db.toString(), src.toString()));
      awaitProgress(tmp.resolve("round" + round + ".err"), child);
      long delay = random.nextInt(1_000);
      Thread.sleep(delay);
      child.destroyForcibly().waitFor();

      Map<Node, Set<Quad>> found = byGraph(IngestFixtures.recordQuads(db)); // opens: recovery works
      System.err.printf(
          "crash round %d: killed after %d ms, %d of %d graphs present%n",
          round, delay, found.size(), expected.size());
      found.forEach(
          (graph, quads) ->
              assertThat(quads)
                  .as("graph %s after a kill at %d ms (seed %d)", graph, delay, seed)
                  .isEqualTo(expected.get(graph)));
    }

    Process last = ChildJvm.start(tmp, "final", "ingest", "--db", db.toString(), src.toString());
    assertThat(ChildJvm.await(last, 180)).as(ChildJvm.err(tmp, "final")).isZero();
    assertThat(byGraph(IngestFixtures.dataQuads(db))).isEqualTo(expected);
    Cli.Result again = IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
    assertThat(again.err()).contains("300 files read, 0 added, 0 replaced, 300 unchanged");
  }

  @Test
  void ctrlCEndsTheRunWithExit130AndLeavesWholeRecords() throws Exception {
    assumeFalse(
        sigintIgnored(),
        "skipped: this JVM ignores SIGINT, as a background job of a"
            + " non-interactive shell does, and the child JVM inherits that, so no Ctrl-C can reach it;"
            + " run the suite in the foreground (or under a job-control shell) to test Ctrl-C");
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 200);
    Path reference = tmp.resolve("reference");
    assertThat(IngestFixtures.cli("ingest", "--db", reference.toString(), src.toString()).exit())
        .isZero();
    Map<Node, Set<Quad>> expected = byGraph(IngestFixtures.dataQuads(reference));

    Path db = tmp.resolve("db");
    Process child =
        ChildJvm.start(
            tmp,
            "interrupted",
            "ingest",
            "--progress",
            "--no-bulk",
            "--threads",
            "1",
            "--batch-size",
            "1",
            "--db",
            db.toString(),
            src.toString());
    awaitProgress(tmp.resolve("interrupted.err"), child);
    // What a terminal's Ctrl-C sends.
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
    assertThat(kill.waitFor()).isZero();
    assertThat(ChildJvm.await(child, 60)).as(ChildJvm.err(tmp, "interrupted")).isEqualTo(130);

    Map<Node, Set<Quad>> found = byGraph(IngestFixtures.recordQuads(db));
    found.forEach(
        (graph, quads) -> assertThat(quads).as("graph %s", graph).isEqualTo(expected.get(graph)));
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), src.toString()).exit()).isZero();
    assertThat(byGraph(IngestFixtures.dataQuads(db))).isEqualTo(expected);
  }

  /**
   * Waits until the child reports progress: from then on it is writing, not starting up. Fails when
   * it never does, since a kill before that would test nothing.
   */
  private static void awaitProgress(Path err, Process child) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (child.isAlive() && System.nanoTime() < deadline) {
      if (reportedProgress(err)) {
        return;
      }
      Thread.sleep(10);
    }
    if (reportedProgress(err)) {
      return; // it finished between two looks
    }
    String said = Files.exists(err) ? Files.readString(err) : "(nothing)";
    throw new AssertionError(
        child.isAlive()
            ? "the child reported no progress within 60 s; its stderr: " + said
            : "the child exited with "
                + child.exitValue()
                + " before reporting progress; its stderr: "
                + said);
  }

  private static boolean reportedProgress(Path err) throws IOException {
    return Files.exists(err) && Files.readString(err).contains(" files ");
  }

  /**
   * Whether this JVM ignores SIGINT: bit 2 (SIGINT) of SigIgn in {@code /proc/self/status}. A shell
   * without job control starts background jobs so; the JVM then leaves SIGINT ignored, and a child
   * process inherits that. False where there is no {@code /proc}.
   */
  static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        return (ignored & (1L << (2 - 1))) != 0;
      }
    }
    return false;
  }

  private static String[] concat(String[] options, String command, String... rest) {
    java.util.List<String> all = new java.util.ArrayList<>();
    all.add(command);
    all.addAll(java.util.List.of(options));
    all.addAll(java.util.List.of(rest));
    return all.toArray(String[]::new);
  }

  private static Map<Node, Set<Quad>> byGraph(Set<Quad> quads) {
    return quads.stream().collect(Collectors.groupingBy(Quad::getGraph, Collectors.toSet()));
  }
}
