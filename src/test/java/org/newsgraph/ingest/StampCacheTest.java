package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.map.SystemGraphs;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The stamp file beside a TDB2 store must say exactly what the metadata graph records, or not be
 * used: a run that trusted a wrong stamp would skip a changed file.
 */
class StampCacheTest {

  @TempDir Path tmp;

  private final IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);
  private final Provenance provenance = new Provenance(iris);

  @Test
  void theStampFileHoldsWhatTheMetadataGraphRecordsAfterEveryKindOfRun() throws IOException {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 12);
    List<Path> files = files(src);
    FileTime anHourAgo =
        FileTime.from(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS));
    for (Path file : files) {
      Files.setLastModifiedTime(file, anHourAgo);
    }
    Path db = tmp.resolve("db");
    ingest(db, src); // bulk load
    assertCacheMatchesStore(db, 12);

    // Added, changed, touched, racy (no stamp), deleted and pruned: every way a stamp moves.
    IngestFixtures.corpus(src, 12, 2); // dated an hour ago
    Files.writeString(
        files.get(0), Files.readString(files.get(0)).replace("title: ", "title: Changed "));
    Files.setLastModifiedTime(files.get(0), anHourAgo);
    Files.setLastModifiedTime(
        files.get(1), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Files.writeString(
        files.get(2), Files.readString(files.get(2)).replace("title: ", "title: Racy "));
    // Modified "after" it is read: racy at every run, so never stamped.
    Files.setLastModifiedTime(files.get(2), FileTime.from(Instant.now().plus(Duration.ofHours(1))));
    Files.delete(files.get(3));
    assertThat(IngestFixtures.cli("ingest", "--prune", "--db", db.toString(), src.toString()).err())
        .contains("2 added", "2 replaced", "1 removed");
    assertCacheMatchesStore(db, 12);

    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), src.toString()).err())
        .contains("13 unchanged");
    assertCacheMatchesStore(db, 12); // 13 files, the racy one without a stamp
    String vouched = token(db);
    try (Stream<Path> left = Files.list(db.resolve(StampCache.FOLDER))) {
      // The stamp file, and the merge states of the same token when some article has several
      // descriptions: nothing of an earlier run.
      assertThat(left.map(f -> f.getFileName().toString()))
          .as("the vouched stamp file, and no file of another token")
          .contains("stamps-" + vouched + ".bin")
          .allMatch(
              name ->
                  name.equals("stamps-" + vouched + ".bin")
                      || name.equals("merges-" + vouched + ".bin"));
    }
  }

  @Test
  void aDamagedOrUnvouchedFileIsIgnoredAndTheStoreScanned() throws IOException {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 6);
    for (Path file : files(src)) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    }
    Path db = tmp.resolve("db");
    ingest(db, src);
    Path file = onlyStampFile(db);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 40); // cut inside the last entries
    }
    try (Tdb2Store store = Tdb2Store.open(db)) {
      SourceIndex loaded =
          new StampCache(store, provenance, "test").load(store, provenance, new RejectedFiles());
      assertThat(loaded.cached()).isFalse();
      assertThat(entries(loaded))
          .as("a truncated file is not read; the scan gives every stamp")
          .hasSize(6)
          .isEqualTo(entries(SourceIndex.load(store, provenance)));
    }
    // A file for a token the store does not record (another store's, an older run's).
    Files.move(file, file.resolveSibling("stamps-0123456789abcdef0123456789abcdef.bin"));
    try (Tdb2Store store = Tdb2Store.open(db)) {
      SourceIndex loaded =
          new StampCache(store, provenance, "test").load(store, provenance, new RejectedFiles());
      assertThat(loaded.cached()).isFalse();
      assertThat(entries(loaded)).hasSize(6);
    }
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), src.toString()).err())
        .contains("6 unchanged");
    assertCacheMatchesStore(db, 6);
  }

  @Test
  void aRunThatStopsHalfWayWithdrawsTheStoresWordForTheFile() throws IOException {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 30);
    Path db = tmp.resolve("db");
    ingest(db, src);
    assertThat(token(db)).isNotNull();
    IngestFixtures.corpus(src, 30, 30);
    try (Tdb2Store store = Tdb2Store.open(db)) {
      Ingester failing =
          new Ingester(
                  store,
                  new RecordReader(ReaderLimits.DEFAULT),
                  new RecordMapper(iris),
                  provenance,
                  new SystemGraphs(iris).load(),
                  IngestOptions.defaults().withBatchSize(10),
                  problem -> {},
                  null)
              .addListener(
                  (s, batch) -> {
                    throw new IllegalStateException("stopped after the first batch");
                  });
      assertThatThrownBy(
              () -> failing.run(List.of(src.toString()), new ByteArrayInputStream(new byte[0])))
          .hasMessageContaining("stopped");
    }
    assertThat(token(db)).as("the first committed batch withdrew the token").isNull();
    // The next run scans the metadata graph, finishes the work, and vouches for a new file.
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), src.toString()).exit()).isZero();
    assertThat(token(db)).isNotNull();
    assertCacheMatchesStore(db, 60);
  }

  private void ingest(Path db, Path src) {
    Cli.Result run = IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  /** The stamps read through the cache equal the metadata graph's, and the cache was used. */
  private void assertCacheMatchesStore(Path db, int expected) {
    try (Tdb2Store store = Tdb2Store.open(db)) {
      StampCache cache = new StampCache(store, provenance, "test");
      assertThat(token(store)).as("the store vouches for a stamp file").isNotNull();
      SourceIndex loaded = cache.load(store, provenance, new RejectedFiles());
      assertThat(loaded.cached()).as("read from the stamp file").isTrue();
      Set<String> cached = entries(loaded);
      Set<String> scanned = entries(SourceIndex.load(store, provenance));
      assertThat(cached).hasSize(expected).isEqualTo(scanned);
    }
    assertThat(onlyStampFile(db)).exists();
  }

  private String token(Path db) {
    try (Tdb2Store store = Tdb2Store.open(db)) {
      return token(store);
    }
  }

  private String token(Tdb2Store store) {
    List<String> tokens = new ArrayList<>();
    Node node = new StampCache(store, provenance, "test").node();
    store.findInGraph(
        provenance.metaGraph(),
        node,
        NewsVocab.DCTERMS_IDENTIFIER,
        Node.ANY,
        (s, o) -> tokens.add(o.getLiteralLexicalForm()));
    assertThat(tokens).hasSizeLessThanOrEqualTo(1);
    return tokens.isEmpty() ? null : tokens.get(0);
  }

  private static Path onlyStampFile(Path db) {
    try (Stream<Path> files = Files.list(db.resolve(StampCache.FOLDER))) {
      List<Path> all = files.filter(f -> f.getFileName().toString().startsWith("stamps-")).toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> entries(SourceIndex index) {
    Set<String> out = new TreeSet<>();
    try {
      index.forEachEntry(
          (high, low, size, modified) -> out.add(high + ":" + low + ":" + size + ":" + modified));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  private static List<Path> files(Path src) throws IOException {
    try (Stream<Path> walk = Files.walk(src)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
