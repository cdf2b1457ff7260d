package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.ingest.IngestFixtures;

@Tag("slow")
class StoreLockTest {

  @TempDir Path tmp;

  @Test
  void aSecondProcessExitsThreeAtOnceNamingTheHolderAndPointingToEndpoint() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 5);
    Path db = tmp.resolve("db");
    try (Tdb2Store held = Tdb2Store.open(db)) { // as 'serve' holds it in its own process
      long start = System.nanoTime();
      Process second =
          ChildJvm.start(tmp, "second", "ingest", "--db", db.toString(), src.toString());
      int exit = ChildJvm.await(second, 60);
      assertThat(exit).isEqualTo(3);
      String err = ChildJvm.err(tmp, "second");
      assertThat(err)
          .contains("in use by process " + ProcessHandle.current().pid())
          .contains("--endpoint");
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
      assertThat(IngestFixtures.dataQuads(held)).isEmpty(); // the second process wrote nothing
    }
    // Released on close: another process can now use the store.
    Process third = ChildJvm.start(tmp, "third", "ingest", "--db", db.toString(), src.toString());
    assertThat(ChildJvm.await(third, 120)).as(ChildJvm.err(tmp, "third")).isZero();
  }

  @Test
  void twoIngestsOnOneStoreTheSecondFailsTheFirstCompletes() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 150);
    Path db = tmp.resolve("db");
    // One record per transaction: slow enough for the second process to arrive while it runs (150
    // commits take some 20 s; the second process is refused within its start, about 2 s).
    Process first =
        ChildJvm.start(
            tmp,
            "first",
            "ingest",
            "--no-bulk",
            "--batch-size",
            "1",
            "--threads",
            "1",
            "--db",
            db.toString(),
            src.toString());
    Path lockFile = db.resolve(StoreLock.FILE_NAME);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!(Files.exists(lockFile)
        && Files.readString(lockFile, StandardCharsets.UTF_8).contains("pid=" + first.pid()))) {
      assertThat(System.nanoTime()).as("first ingest never took the lock").isLessThan(deadline);
      Thread.sleep(50);
    }
    Process second = ChildJvm.start(tmp, "second", "ingest", "--db", db.toString(), src.toString());
    int secondExit = ChildJvm.await(second, 60);
    boolean firstStillRunning = first.isAlive();
    int firstExit = ChildJvm.await(first, 300);
    assertThat(firstStillRunning)
        .as("the test needs the first ingest to outlast the second")
        .isTrue();
    assertThat(secondExit).isEqualTo(3);
    assertThat(ChildJvm.err(tmp, "second")).contains("in use by process " + first.pid());
    assertThat(firstExit).as(ChildJvm.err(tmp, "first")).isZero();
    assertThat(ChildJvm.err(tmp, "first")).contains("150 added");
  }
}
