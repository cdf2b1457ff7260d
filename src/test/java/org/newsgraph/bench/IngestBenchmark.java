package org.newsgraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsgraph.generate.CorpusGenerator;

/**
 * The store benchmark: prints a table, asserts nothing about time. For each size in {@code
 * -Dbench.sizes} (default 10000,100000) it generates a corpus, then measures, each in a fresh child
 * JVM with {@code -Xmx} from {@code -Dbench.xmx} (default 1g): ingest into an empty store; Jena's
 * own {@code tdb2.tdbloader} loading the same quads exported as N-Quads; re-ingest of the unchanged
 * corpus, by stamps and with {@code --checksum}; ingest after adding 1% new records; and, for sizes
 * up to {@code -Dbench.batchedMax} (default 10000), ingest through batched transactions instead of
 * the bulk loader. Wall times include JVM start-up, for both tools alike. Peak RSS is the child's
 * VmHWM. Run:
 *
 * <pre>mvn -B -q test -Dtest=IngestBenchmark -Dtest.excludedGroups=none -Dbench.sizes=10000,100000
 * </pre>
 *
 * <p>or, with the classes already built, {@code java -cp CLASSPATH
 * org.newsgraph.bench.IngestBenchmark}.
 */
@Tag("benchmark")
public class IngestBenchmark {

  /** Runs the benchmark outside JUnit. */
  public static void main(String[] args) throws Exception {
    new IngestBenchmark().ingestBenchmark();
  }

  private static final String XMX = System.getProperty("bench.xmx", "1g");

  @Test
  void ingestBenchmark() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9s | %-44s | %10s | %9s | %12s | %10s | %11s |",
            "records",
            "step",
            "seconds",
            "records/s",
            "of ingest",
            "peak RSS",
            "store after"));
    rows.add(rule(11, 46, 12, 11, 14, 12, 13));
    everySize("store", "10000,100000", rows, this::measure);
  }

  /** Measures one size into a fresh folder, adding table rows. */
  interface SizeMeasure {
    /** Measures {@code n} records in {@code dir}. */
    void measure(Path dir, long n, List<String> rows) throws Exception;
  }

  /**
   * Runs a benchmark for every size of {@code -Dbench.sizes} (or {@code defaultSizes}) in a
   * temporary folder deleted at the end, printing the table after each size and once more, under a
   * line naming the machine, at the end.
   */
  static void everySize(String name, String defaultSizes, List<String> rows, SizeMeasure measure)
      throws Exception {
    Path work = Files.createTempDirectory("newsgraph-" + name + "-bench");
    try {
      for (String size : System.getProperty("bench.sizes", defaultSizes).split(",")) {
        long n = Long.parseLong(size.strip());
        measure.measure(work.resolve("n" + n), n, rows);
        rows.forEach(System.out::println);
        System.out.println();
      }
    } finally {
      delete(work);
    }
    System.out.println(
        "newsgraph "
            + name
            + " benchmark, "
            + Runtime.getRuntime().availableProcessors()
            + " cores, -Xmx"
            + XMX
            + ", Java "
            + System.getProperty("java.version"));
    rows.forEach(System.out::println);
  }

  /** The rule under a table's header: {@code |---|---|} with the given column widths. */
  static String rule(int... widths) {
    StringBuilder line = new StringBuilder("|");
    for (int width : widths) {
      line.append("-".repeat(width)).append('|');
    }
    return line.toString();
  }

  /**
   * What Jena's own bulk loader made of a store's quads.
   *
   * @param time the load, in a child JVM
   * @param quads how many quads the store held
   * @param store where it loaded them
   */
  record Loaded(Measured time, long quads, Path store) {}

  /**
   * Dumps a store as N-Quads ({@code newsgraph backup}) and loads them with {@code tdb2.tdbloader
   * --loader=phased} into {@code dir/db-tdbloader}, timing the load alone.
   */
  static Loaded tdbloader(Path dir, Path db) throws Exception {
    Path nq = dir.resolve("store.nq");
    Measured.run(dir, "backup", cli("backup", "--db", db.toString(), nq.toString()));
    long quads;
    try (Stream<String> lines = Files.lines(nq, StandardCharsets.UTF_8)) {
      quads = lines.count();
    }
    Path store = dir.resolve("db-tdbloader");
    Measured time =
        Measured.run(
            dir,
            "tdbloader",
            java("tdb2.tdbloader", "--loader=phased", "--loc", store.toString(), nq.toString()));
    return new Loaded(time, quads, store);
  }

  private void measure(Path dir, long n, List<String> rows) throws Exception {
    Path src = dir.resolve("src");
    new CorpusGenerator(1).generate(src, 0, n);
    Path db = dir.resolve("db");
    Measured ingest =
        Measured.run(dir, "ingest", cli("ingest", "--db", db.toString(), src.toString()));
    row(rows, n, "ingest into an empty store (bulk path)", ingest, n, ingest, db);
    Loaded loaded = tdbloader(dir, db);
    Measured loader = loaded.time();
    long quads = loaded.quads();
    row(
        rows,
        n,
        String.format(
            Locale.ROOT,
            "tdb2.tdbloader --loader=phased, same %d quads (%.1f quads per record)",
            quads,
            (double) quads / n),
        loader,
        n,
        ingest,
        loaded.store());
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9d | %-44s | %10s | %9s | %12s | %10s | %11s |",
            n,
            "speed ratio ingest / tdbloader",
            "",
            "",
            String.format(Locale.ROOT, "%.2f×", loader.seconds / ingest.seconds),
            "",
            ""));
    Measured again =
        Measured.run(dir, "reingest", cli("ingest", "--db", db.toString(), src.toString()));
    row(rows, n, "re-ingest, corpus unchanged", again, n, ingest, db);
    Measured hashed =
        Measured.run(
            dir,
            "reingest-checksum",
            cli("ingest", "--checksum", "--db", db.toString(), src.toString()));
    row(rows, n, "re-ingest, unchanged, --checksum (all hashed)", hashed, n, ingest, db);
    long more = Math.max(1, n / 100);
    new CorpusGenerator(1).generate(src, n, more);
    Measured added = Measured.run(dir, "add", cli("ingest", "--db", db.toString(), src.toString()));
    row(rows, n, "ingest after adding 1% (" + more + ") new records", added, n, ingest, db);
    if (n <= Long.getLong("bench.batchedMax", 10_000)) {
      Measured batched =
          Measured.run(
              dir,
              "batched",
              cli(
                  "ingest",
                  "--no-bulk",
                  "--db",
                  dir.resolve("db-batched").toString(),
                  src.toString()));
      row(
          rows,
          n + more,
          "ingest, batched transactions (--no-bulk)",
          batched,
          n + more,
          ingest,
          dir.resolve("db-batched"));
    }
  }

  private static void row(
      List<String> rows, long n, String step, Measured m, long records, Measured ingest, Path store)
      throws IOException {
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-9d | %-44s | %10.1f | %9.0f | %11.1f%% | %7d MB | %8d MB |",
            n,
            step,
            m.seconds,
            records / m.seconds,
            100 * m.seconds / ingest.seconds,
            m.peakRssKb / 1024,
            bytes(store) >> 20));
  }

  /** Bytes of the files under a directory (TDB2 grows its files in 8 MB steps). */
  static long bytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long total = 0;
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }

  /** The first cell of a SELECT's answer, from {@code newsgraph query} in a child JVM. */
  static String firstCell(Path dir, String name, Path db, String select) throws Exception {
    Measured.run(dir, name, cli("query", "--db", db.toString(), "-f", "tsv", select));
    return Files.readAllLines(dir.resolve(name + ".out"), StandardCharsets.UTF_8).get(1).strip();
  }

  static List<String> cli(String... args) {
    List<String> command = new ArrayList<>(java("org.newsgraph.cli.Main"));
    command.addAll(List.of(args));
    return command;
  }

  static List<String> java(String main, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + XMX,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                main));
    command.addAll(List.of(args));
    return command;
  }

  static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A child process's wall time and peak resident set size. */
  record Measured(double seconds, long peakRssKb) {

    static Measured run(Path dir, String name, List<String> command) throws Exception {
      return run(dir, name, command, 0);
    }

    /** Runs {@code command}, accepting the exit codes {@code ok} (0 when none is given). */
    static Measured run(Path dir, String name, List<String> command, int... ok) throws Exception {
      long start = System.nanoTime();
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(dir.resolve(name + ".out").toFile())
              .redirectError(dir.resolve(name + ".err").toFile())
              .start();
      long peak = 0;
      Path status = Path.of("/proc", Long.toString(p.pid()), "status");
      while (p.isAlive()) {
        peak = Math.max(peak, hwm(status));
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (java.util.Arrays.stream(ok).noneMatch(code -> code == p.exitValue())) {
        throw new AssertionError(
            name
                + " failed ("
                + p.exitValue()
                + "): "
                + Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8));
      }
      return new Measured(seconds, peak);
    }

    private static long hwm(Path status) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // The process ended between isAlive and the read.
      }
      return 0;
    }
  }
}
