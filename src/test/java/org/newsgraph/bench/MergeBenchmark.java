package org.newsgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsgraph.bench.IngestBenchmark.Measured;
import org.newsgraph.generate.CorpusGenerator;

/**
 * The cost of merging several descriptions of one article, measured side by side in one run: prints
 * a table, asserts nothing about time. For each size in {@code -Dbench.sizes} (default
 * 20000,100000) it ingests, each into an empty store in a fresh child JVM ({@code -Xmx} from {@code
 * -Dbench.xmx}, default 1g), four corpora made by {@code generate} with seed 1: the records alone;
 * the records with API pages repeating every record (the layout of a real site); the records with
 * 5% re-saved copies; and both (the realistic corpus), which Jena's {@code tdb2.tdbloader
 * --loader=phased} then loads from the same quads. Run:
 *
 * <pre>mvn -B -q test -Dtest=MergeBenchmark -Dtest.excludedGroups=none -Dbench.sizes=20000,100000
 * </pre>
 */
@Tag("benchmark")
public class MergeBenchmark {

  /** Runs the benchmark outside JUnit. */
  public static void main(String[] args) throws Exception {
    new MergeBenchmark().mergeBenchmark();
  }

  @Test
  void mergeBenchmark() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-8s | %-40s | %8s | %8s | %9s | %8s | %9s | %-22s |",
            "records",
            "corpus",
            "files",
            "quads/rec",
            "seconds",
            "files/s",
            "peak RSS",
            "ratio"));
    rows.add(IngestBenchmark.rule(10, 42, 10, 11, 11, 10, 11, 24));
    IngestBenchmark.everySize("merge", "20000,100000", rows, this::measure);
  }

  private void measure(Path dir, long n, List<String> rows) throws Exception {
    Run alone = ingest(dir, "records", n, 0, false);
    row(rows, n, "records alone", alone, "");
    Run site = ingest(dir, "records-api", n, 0, true);
    row(
        rows,
        n,
        "records + API pages (real-site layout)",
        site,
        String.format(
            Locale.ROOT, "time %.2f× records alone", site.m.seconds() / alone.m.seconds()));
    Run resaved = ingest(dir, "resaved", n, 0.05, false);
    row(
        rows,
        n,
        "records + 5% re-saved copies",
        resaved,
        String.format(
            Locale.ROOT,
            "speed %.2f×, RSS %.2f×",
            alone.m.seconds() / resaved.m.seconds(),
            (double) resaved.m.peakRssKb() / alone.m.peakRssKb()));
    Run realistic = ingest(dir, "realistic", n, 0.05, true);
    row(rows, n, "realistic: re-saved 5% + API pages", realistic, "");
    IngestBenchmark.Loaded loaded = IngestBenchmark.tdbloader(dir, realistic.db);
    Measured loader = loaded.time();
    row(
        rows,
        n,
        "tdb2.tdbloader --loader=phased, same quads",
        new Run(loader, realistic.files, loaded.quads(), loaded.store()),
        String.format(
            Locale.ROOT, "ingest speed %.2f× tdbloader", loader.seconds() / realistic.m.seconds()));
    IngestBenchmark.delete(dir);
  }

  private record Run(Measured m, long files, long quads, Path db) {}

  private static Run ingest(Path dir, String name, long n, double resaved, boolean apiPages)
      throws Exception {
    Path src = dir.resolve(name);
    long files = new CorpusGenerator(1, resaved, apiPages).generate(src, 0, n);
    Path db = dir.resolve("db-" + name);
    Measured m =
        Measured.run(
            dir, name, IngestBenchmark.cli("ingest", "--db", db.toString(), src.toString()));
    Measured.run(
        dir,
        name + "-stats",
        IngestBenchmark.cli("stats", "--db", db.toString(), "--no-runs", "--format", "csv"));
    // The last column of stats is the number of quads.
    String[] counts = Files.readAllLines(dir.resolve(name + "-stats.out")).get(1).split(",");
    return new Run(m, files, Long.parseLong(counts[counts.length - 1].strip()), db);
  }

  private static void row(List<String> rows, long n, String corpus, Run run, String ratio) {
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-8d | %-40s | %8d | %9.1f | %9.1f | %8.0f | %6d MB | %-22s |",
            n,
            corpus,
            run.files,
            (double) run.quads / n,
            run.m.seconds(),
            run.files / run.m.seconds(),
            run.m.peakRssKb() / 1024,
            ratio));
  }
}
