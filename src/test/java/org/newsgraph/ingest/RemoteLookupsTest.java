package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * What an ingest asks of a remote store, where every read is an HTTP round trip: the snapshot at
 * the start of the run (stamps, hashes, derivations) in a fixed number of streamed queries, then
 * nothing per file for what the snapshot already answers.
 */
class RemoteLookupsTest {

  @TempDir Path tmp;

  private final IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);

  /** A run's summary and the reads it made. */
  private record Run(String summary, long reads) {}

  private Run ingest(Path db, Path src) {
    try (Tdb2Store tdb = Tdb2Store.open(db)) {
      RemoteLikeStore store = new RemoteLikeStore(tdb);
      IngestReport report =
          IngestFixtures.ingester(store, IngestOptions.defaults().withPrune(true), problem -> {})
              .run(List.of(src.toString()), new ByteArrayInputStream(new byte[0]));
      return new Run(report.summary(), store.reads());
    }
  }

  @Test
  void aRunIntoAnEmptyStoreAsksTheSameFewQueriesForThreeFilesAsForTwenty() throws IOException {
    Run few = ingest(tmp.resolve("db3"), IngestFixtures.corpus(tmp.resolve("src3"), 0, 3));
    Run more = ingest(tmp.resolve("db20"), IngestFixtures.corpus(tmp.resolve("src20"), 0, 20));
    assertThat(few.summary()).contains("3 added");
    assertThat(more.summary()).contains("20 added");
    // Two scans for the stamps, one for the hashes, one for the derivations, one (--prune) for the
    // recorded paths.
    assertThat(more.reads()).isEqualTo(few.reads()).isLessThanOrEqualTo(5);
  }

  @Test
  void touchedFilesAreFoundUnchangedByTheHashesOfTheSnapshot() throws IOException {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 12);
    Path db = tmp.resolve("db");
    Run first = ingest(db, src);
    assertThat(first.summary()).contains("12 added");
    FileTime later = FileTime.from(Instant.now().minus(Duration.ofMinutes(30)));
    try (Stream<Path> files = Files.walk(src)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, later);
      }
    }
    Run touched = ingest(db, src);
    assertThat(touched.summary()).contains("12 unchanged", "0 added", "0 replaced");
    assertThat(touched.reads()).as("the snapshot's queries only").isEqualTo(first.reads());
    Run again = ingest(db, src);
    assertThat(again.summary()).contains("12 unchanged");
    assertThat(again.reads()).isEqualTo(first.reads());
  }

  @Test
  void aChangedFileIsLookedUpInTheStoreAndReplacesItsGraph() throws IOException {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 6);
    Path db = tmp.resolve("db");
    ingest(db, src);
    Path file;
    try (Stream<Path> files = Files.walk(src)) {
      file = files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(file, Files.readString(file).replace("title: ", "title: Changed "));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
    Run changed = ingest(db, src);
    assertThat(changed.summary()).contains("0 added", "1 replaced", "5 unchanged");
  }
}
