package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;

class MaintenanceTest {

  @TempDir Path tmp;

  @Test
  void compactKeepsTheDataShrinksTheStoreAndDeletesTheOldGeneration() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 60);
    Path db = tmp.resolve("db");
    // Many small commits: TDB2 is copy-on-write, so the store grows with each.
    IngestFixtures.cli(
        "ingest", "--no-bulk", "--batch-size", "1", "--db", db.toString(), src.toString());
    Set<Quad> before = IngestFixtures.dataQuads(db);
    long sizeBefore = size(db);

    Cli.Result run = IngestFixtures.cli("compact", "--db", db.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("compact: TDB2 store at " + db);
    assertThat(IngestFixtures.dataQuads(db)).isEqualTo(before);
    assertThat(size(db)).isLessThan(sizeBefore);
    assertThat(db.resolve("Data-0001")).doesNotExist();
    assertThat(db.resolve("Data-0002")).isDirectory();
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), src.toString()).err())
        .contains("60 unchanged");
  }

  @Test
  void theLeftoverOfACrashedCompactionIsCleanedAtTheNextOpen() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 5);
    Path db = tmp.resolve("db");
    IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
    Set<Quad> before = IngestFixtures.dataQuads(db);
    Path leftover = Files.createDirectories(db.resolve("Data-0002-tmp"));
    Files.writeString(leftover.resolve("nodes.dat"), "half-written", StandardCharsets.UTF_8);
    assertThat(IngestFixtures.dataQuads(db)).isEqualTo(before);
    assertThat(leftover).doesNotExist();
    assertThat(db.resolve("Data-0001")).isDirectory();
  }

  @Test
  void backupWritesEveryGraphAsNQuadsAndAFailureLeavesTheOldBackupWhole() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 20);
    Path db = tmp.resolve("db");
    IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
    Path backup = tmp.resolve("store.nq");
    Cli.Result run = IngestFixtures.cli("backup", "--db", db.toString(), backup.toString());
    assertThat(run.exit()).as(run.err()).isZero();

    Set<Quad> dumped = new HashSet<>();
    try (InputStream in = Files.newInputStream(backup)) {
      RDFParser.source(in).lang(Lang.NQUADS).strict(true).parse(collect(dumped));
    }
    assertThat(IngestFixtures.missing(dumped, IngestFixtures.dataQuads(db)))
        .as("quads left out of the backup")
        .isEmpty();
    assertThat(dumped).anyMatch(q -> q.getGraph().equals(IngestFixtures.META));

    // A failing source mid-way (an unreachable endpoint) must not touch the existing backup.
    byte[] old = Files.readAllBytes(backup);
    Cli.Result failed =
        IngestFixtures.cli("backup", "--endpoint", "http://127.0.0.1:9/none", backup.toString());
    assertThat(failed.exit()).isEqualTo(3);
    assertThat(Files.readAllBytes(backup)).isEqualTo(old);
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThat(new String(old, 0, 10, StandardCharsets.UTF_8)).startsWith("<");
  }

  @Test
  void backupToAGzFileIsCompressedAndHoldsTheSameQuads() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 10);
    Path db = tmp.resolve("db");
    IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
    Path plain = tmp.resolve("store.nq");
    Path gz = tmp.resolve("store.nq.gz");
    assertThat(IngestFixtures.cli("backup", "--db", db.toString(), plain.toString()).exit())
        .isZero();
    assertThat(IngestFixtures.cli("backup", "--db", db.toString(), gz.toString()).exit()).isZero();

    byte[] packed = Files.readAllBytes(gz);
    assertThat(packed[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
    assertThat(packed[1] & 0xff).isEqualTo(0x8b);
    assertThat(packed.length).isLessThan((int) Files.size(plain));
    Set<Quad> fromGz = new HashSet<>();
    try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
      RDFParser.source(in).lang(Lang.NQUADS).strict(true).parse(collect(fromGz));
    }
    Set<Quad> fromPlain = new HashSet<>();
    try (InputStream in = Files.newInputStream(plain)) {
      RDFParser.source(in).lang(Lang.NQUADS).strict(true).parse(collect(fromPlain));
    }
    assertThat(fromGz).isNotEmpty().isEqualTo(fromPlain);
  }

  private static StreamRDFBase collect(Set<Quad> into) {
    return new StreamRDFBase() {
      @Override
      public void quad(Quad q) {
        into.add(q);
      }
    };
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
