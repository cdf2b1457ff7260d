package org.newsgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsgraph.bench.IngestBenchmark.Loaded;
import org.newsgraph.bench.IngestBenchmark.Measured;
import org.newsgraph.cli.ExitCodes;
import org.newsgraph.generate.FeedSnapshotGenerator;

/**
 * The feed benchmark: prints a table, asserts nothing about time. For each count of snapshots in
 * {@code -Dbench.sizes} (default 4000) it generates a folder of feed snapshots ({@code newsgraph
 * generate --feed-snapshots}: 16 outlets polled hourly, 30 items a snapshot, 2% cut short), then
 * measures, each in a fresh child JVM with {@code -Xmx} from {@code -Dbench.xmx} (default 1g):
 * ingest into an empty store; Jena's {@code tdb2.tdbloader --loader=phased} loading the quads that
 * result; re-ingest of the unchanged folder; and ingest after one new snapshot is added. Wall times
 * include JVM start-up, for both tools alike. Run:
 *
 * <pre>mvn -B -q test -Dtest=FeedIngestBenchmark -Dtest.excludedGroups=none -Dbench.sizes=4000
 * </pre>
 */
@Tag("benchmark")
public class FeedIngestBenchmark {

  private static final int OUTLETS = 16;
  private static final int ITEMS = 30;

  /** Runs the benchmark outside JUnit. */
  public static void main(String[] args) throws Exception {
    new FeedIngestBenchmark().feedIngestBenchmark();
  }

  @Test
  void feedIngestBenchmark() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9s | %-58s | %10s | %12s | %10s | %11s |",
            "snapshots",
            "step",
            "seconds",
            "of ingest",
            "peak RSS",
            "store after"));
    rows.add(IngestBenchmark.rule(11, 60, 12, 14, 12, 13));
    IngestBenchmark.everySize("feed", "4000", rows, this::measure);
  }

  private void measure(Path dir, long n, List<String> rows) throws Exception {
    Path src = dir.resolve("src");
    FeedSnapshotGenerator generator = new FeedSnapshotGenerator(1, OUTLETS, ITEMS, 0.02);
    generator.generate(src, 0, n);
    long bytes = IngestBenchmark.bytes(src);
    Path db = dir.resolve("db");
    Measured ingest = run(dir, "ingest", db, src);
    String summary = lastLine(dir.resolve("ingest.err"));
    row(
        rows,
        n,
        String.format(Locale.ROOT, "ingest into an empty store (%d MB of XML)", bytes >> 20),
        ingest,
        ingest,
        db);
    rows.add(String.format(Locale.ROOT, "| %-9s | %-58s |", "", summary.replace("|", "/")));
    long articles =
        Long.parseLong(
            IngestBenchmark.firstCell(
                dir,
                "articles",
                db,
                "SELECT (COUNT(*) AS ?n) { ?a a <https://w3id.org/newsgraph/ns#Article> }"));
    Loaded loaded = IngestBenchmark.tdbloader(dir, db);
    row(
        rows,
        n,
        String.format(
            Locale.ROOT,
            "tdb2.tdbloader --loader=phased, same %d quads (%d articles)",
            loaded.quads(),
            articles),
        loaded.time(),
        ingest,
        loaded.store());
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9d | %-58s | %10s | %12s | %10s | %11s |",
            n,
            "speed ratio ingest / tdbloader",
            "",
            String.format(Locale.ROOT, "%.2f×", loaded.time().seconds() / ingest.seconds()),
            "",
            ""));
    Measured again = run(dir, "reingest", db, src);
    row(rows, n, "re-ingest, folder unchanged", again, ingest, db);
    generator.generate(src, n, 1);
    Measured one = run(dir, "one", db, src);
    row(rows, n, "ingest after one new snapshot", one, ingest, db);
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9s | %-58s |",
            "",
            lastLine(dir.resolve("one.err")).replace("|", "/")));
  }

  private static Measured run(Path dir, String name, Path db, Path src) throws Exception {
    // Exit 1 (REJECTED) is expected: the snapshots cut short are rejected, the rest is stored.
    return Measured.run(
        dir,
        name,
        IngestBenchmark.cli("ingest", "--db", db.toString(), src.toString()),
        ExitCodes.OK,
        ExitCodes.REJECTED);
  }

  private static String lastLine(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static void row(
      List<String> rows, long n, String step, Measured m, Measured ingest, Path store)
      throws Exception {
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9d | %-58s | %10.1f | %11.1f%% | %7d MB | %8d MB |",
            n,
            step,
            m.seconds(),
            100 * m.seconds() / ingest.seconds(),
            m.peakRssKb() / 1024,
            IngestBenchmark.bytes(store) >> 20));
  }
}
