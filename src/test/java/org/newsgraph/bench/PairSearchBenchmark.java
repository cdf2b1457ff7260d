package org.newsgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsgraph.infer.Doc;
import org.newsgraph.infer.InferenceSettings;
import org.newsgraph.infer.PairFinder;
import org.newsgraph.infer.ProfileFile;
import org.newsgraph.vocab.IriFactory;

/**
 * Times the pair search of link inference alone, on the text profiles a store keeps beside it
 * ({@code DIR/inference/profiles-TOKEN.bin}, written by any ingest with inference on): every
 * article in publication order through one {@link PairFinder}, as a bulk load does. Prints the
 * articles a second and the pairs found, every 100,000 articles and at the end. Asserts nothing.
 *
 * <pre>
 * mvn -B -q -o test -Dtest=PairSearchBenchmark -Dtest.excludedGroups=none -Dbench.store=DIR
 * </pre>
 *
 * {@code -Dbench.articles=N} stops after N articles. Prints a line and returns when the store has
 * no profile file (made with the default settings).
 */
@Tag("benchmark")
class PairSearchBenchmark {

  @Test
  void printPairSearchSpeed() throws Exception {
    Path store = Path.of(System.getProperty("bench.store", "target/bench-store"));
    long limit = Long.getLong("bench.articles", Long.MAX_VALUE);
    Path dir = store.resolve("inference");
    List<Path> files;
    try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      files =
          list.filter(
                  f ->
                      f.getFileName().toString().startsWith("profiles-")
                          && f.getFileName().toString().endsWith(".bin"))
              .toList();
    }
    if (files.size() != 1) {
      System.out.println("no single profile file in " + dir + ": nothing to time");
      return;
    }
    String name = files.get(0).getFileName().toString();
    String token = name.substring("profiles-".length(), name.length() - ".bin".length());
    InferenceSettings settings = InferenceSettings.DEFAULTS;
    long[] pairs = {0, 0};
    PairFinder finder =
        new PairFinder(
            settings,
            p -> {
              pairs[0]++;
              if (p.copy()) {
                pairs[1]++;
              }
            });
    try (ProfileFile profiles = ProfileFile.open(dir, token, settings.describe())) {
      if (profiles == null) {
        System.out.println(files.get(0) + " was made with other settings: nothing to time");
        return;
      }
      System.out.printf(Locale.ROOT, "%,d articles in %s%n", profiles.size(), files.get(0));
      long start = System.nanoTime();
      long n = 0;
      try (ProfileFile.Cursor cursor = profiles.cursor()) {
        while (cursor.hasNext() && n < limit) {
          var profile = cursor.next();
          finder.add(new Doc("urn:x:" + IriFactory.keyText(cursor.key()), cursor.time(), profile));
          n++;
          if (n % 100_000 == 0) {
            print(n, start, pairs);
          }
        }
      }
      print(n, start, pairs);
    }
  }

  private static void print(long n, long start, long[] pairs) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%,d articles: %.1f s (%.3f ms an article), %,d pairs, %,d copies%n",
        n,
        seconds,
        seconds * 1000 / Math.max(1, n),
        pairs[0],
        pairs[1]);
  }
}
