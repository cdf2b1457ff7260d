package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
 * Disk full and unwritable directories. Tests run as root in CI, where permission bits do not stop
 * writes, so "disk full" is a real file size limit ({@code ulimit -f}: the kernel fails writes with
 * EFBIG as it fails them with ENOSPC on a full disk), "read-only" is a tmpfs remounted read-only
 * (skipped, saying so, where mounting is not allowed), and "not writable" is also a path that
 * cannot be a directory.
 */
@Tag("slow")
class StoreFailureTest {

  @TempDir Path tmp;

  @Test
  void aFullDiskFailsWithExitThreeAndTheStoreOpensAtItsLastCommit() throws Exception {
    Path first = IngestFixtures.corpus(tmp.resolve("first"), 0, 100);
    Path more = IngestFixtures.corpus(tmp.resolve("more"), 1_000, 1_500);
    Path db = tmp.resolve("db");
    // Inference off: this is about the records' graphs (inferred ones are tested elsewhere).
    assertThat(
            IngestFixtures.cli(
                    "ingest", "--no-infer-links", "--db", db.toString(), first.toString())
                .exit())
        .isZero();
    Set<Quad> before = IngestFixtures.recordQuads(db);

    // 20 MB: room for the first generation's files, not for what 1,500 more records add.
    Process full =
        ChildJvm.startLimited(
            tmp,
            "full",
            40_000,
            "ingest",
            "--no-infer-links",
            "--db",
            db.toString(),
            more.toString());
    assertThat(ChildJvm.await(full, 180)).isEqualTo(3);
    assertThat(ChildJvm.err(tmp, "full"))
        .contains("store unavailable")
        .contains("File too large")
        .contains(db.toString());

    Set<Quad> after = IngestFixtures.recordQuads(db); // opens
    assertThat(IngestFixtures.missing(after, before)).as("quads of the last commit lost").isEmpty();
    // Without the limit the work completes; every graph that was there after the failure was whole.
    Cli.Result rerun =
        IngestFixtures.cli("ingest", "--no-infer-links", "--db", db.toString(), more.toString());
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    Map<Node, Set<Quad>> complete = byGraph(IngestFixtures.recordQuads(db));
    int systemGraphs =
        new org.newsgraph.map.SystemGraphs(
                org.newsgraph.vocab.IriFactory.of(org.newsgraph.vocab.IriFactory.DEFAULT_BASE))
            .load()
            .size();
    assertThat(complete).hasSize(100 + 1_500 + systemGraphs);
    byGraph(after)
        .forEach((g, quads) -> assertThat(quads).as("graph %s", g).isEqualTo(complete.get(g)));
  }

  @Test
  void aStorePathThatCannotBeADirectoryFailsAtStartNamingIt() throws Exception {
    Path file = tmp.resolve("not-a-dir");
    Files.writeString(file, "x", StandardCharsets.UTF_8);
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 2);
    for (Path db : new Path[] {file, file.resolve("db")}) {
      Cli.Result run = IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
      assertThat(run.exit()).isEqualTo(3);
      assertThat(run.err())
          .startsWith("newsgraph: store unavailable: cannot create store directory " + db);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("x");
  }

  @Test
  void aReadOnlyFileSystemFailsWithExitThreeAndTheStoreOpensAtItsLastCommit() throws Exception {
    // Permission bits do not stop root, a read-only mount does: a tmpfs remounted read-only.
    Path mount = tmpfs("mnt", "256m");
    try {
      Path db = mount.resolve("db");
      Path first = IngestFixtures.corpus(tmp.resolve("first"), 0, 20);
      Path more = IngestFixtures.corpus(tmp.resolve("more"), 1_000, 20);
      assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), first.toString()).exit())
          .isZero();
      Set<Quad> before = IngestFixtures.recordQuads(db);
      remountReadOnly(mount);

      Process readOnly =
          ChildJvm.start(tmp, "ro", "ingest", "--db", db.toString(), more.toString());
      assertThat(ChildJvm.await(readOnly, 120)).isEqualTo(3);
      assertThat(ChildJvm.err(tmp, "ro"))
          .isEqualTo("newsgraph: store unavailable: store directory " + db + " is not writable\n");

      assertThat(command("mount", "-o", "remount,rw", mount.toString())).isZero();
      assertThat(IngestFixtures.recordQuads(db)).isEqualTo(before);
      Cli.Result rerun = IngestFixtures.cli("ingest", "--db", db.toString(), more.toString());
      assertThat(rerun.exit()).as(rerun.err()).isZero();
      assertThat(rerun.err()).contains("20 added");
    } finally {
      command(
          "umount",
          "--lazy",
          mount.toString()); // lazy: this JVM may still map store files until GC
    }
  }

  @Test
  void aDiskThatFillsUpDuringABulkLoadFailsWithExitThreeAndTheStoreOpensAtItsLastCommit()
      throws Exception {
    // A really full disk, not a file size limit: a small tmpfs. TDB2 writes its indexes through
    // memory-mapped files, and a page the kernel cannot give a block faults (the JVM's
    // InternalError "a fault occurred in a recent unsafe memory access operation") instead of a
    // write returning ENOSPC.
    Path mount = tmpfs("small", "24m");
    try {
      Path db = mount.resolve("db");
      Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 3_000);
      Process full =
          ChildJvm.start(tmp, "diskfull", "ingest", "--db", db.toString(), src.toString());
      assertThat(ChildJvm.await(full, 300)).isEqualTo(3);
      assertThat(ChildJvm.err(tmp, "diskfull"))
          .startsWith("newsgraph: store unavailable: ")
          .doesNotContain("\tat ");

      assertThat(command("mount", "-o", "remount,size=1g", mount.toString())).isZero();
      assertThat(IngestFixtures.recordQuads(db)).as("the load never committed").isEmpty();
      Cli.Result rerun = IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
      assertThat(rerun.exit()).as(rerun.err()).isZero();
      assertThat(rerun.err()).contains("3000 added");
    } finally {
      command("umount", "--lazy", mount.toString());
    }
  }

  /**
   * Remounts a tmpfs read-only. The kernel refuses (EBUSY) while a file on it is mapped for
   * writing, and this JVM read the store on it: TDB2's mapped buffers are released when the garbage
   * collector frees them, after the store is closed. So it collects and tries again.
   */
  private static void remountReadOnly(Path mount) throws IOException, InterruptedException {
    int exit = -1;
    for (int attempt = 0; attempt < 40 && exit != 0; attempt++) {
      if (attempt > 0) {
        System.gc();
        Thread.sleep(250);
      }
      exit = command("mount", "-o", "remount,ro", mount.toString());
    }
    assertThat(exit).as("remount %s read-only", mount).isZero();
  }

  /** Mounts a tmpfs of a size in a new folder, or skips the test, saying why, where it cannot. */
  private Path tmpfs(String name, String size) throws IOException, InterruptedException {
    Path mount = Files.createDirectories(tmp.resolve(name));
    assumeTrue(
        command("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString()) == 0,
        "skipped: mounting a tmpfs needs root with CAP_SYS_ADMIN, which this machine does not give");
    return mount;
  }

  private static int command(String... args) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  private static Map<Node, Set<Quad>> byGraph(Set<Quad> quads) {
    return quads.stream().collect(Collectors.groupingBy(Quad::getGraph, Collectors.toSet()));
  }
}
