package org.newsgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsgraph.infer.InferenceSettings;
import org.newsgraph.infer.StoryEvaluation;
import org.newsgraph.infer.StoryEvaluation.Item;
import org.newsgraph.infer.StoryEvaluation.Score;

/**
 * Prints the quality of inferred stories on the shared corpus (B-cubed precision, recall, F1) with
 * the default settings, across thresholds and across the number of pairs an article keeps, for set
 * (a) the aggregator's clusters and (b) the hand labels. Asserts nothing.
 *
 * <pre>mvn -B -q -o test -Dtest=StoryQualityBenchmark -Dtest.excludedGroups=none</pre>
 *
 * Reads {@code ../shared/corpus/everyday-ai} (or {@code -Dbench.corpus=DIR}); prints a line and
 * returns when it is absent.
 */
@Tag("benchmark")
class StoryQualityBenchmark {

  @Test
  void printQuality() throws Exception {
    main(new String[0]);
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(System.getProperty("bench.corpus", "../shared/corpus/everyday-ai"));
    if (!Files.isDirectory(corpus)) {
      System.out.println("no corpus at " + corpus + ": nothing to score");
      return;
    }
    Map<String, String> truthA = new HashMap<>();
    List<Item> a =
        StoryEvaluation.aggregatorClusters(
            corpus.resolve("SmartableAI+artificial-intelligence"), truthA);
    Map<String, String> truthB = new HashMap<>();
    List<Item> b =
        StoryEvaluation.handLabelled(
            corpus, Path.of("src/test/resources/stories/everyday-ai-labels.tsv"), truthB);
    InferenceSettings d = InferenceSettings.DEFAULTS;
    System.out.println("settings: " + d.describe());
    System.out.printf(
        Locale.ROOT,
        "(a) aggregator clusters, related lists hidden: %d articles%n(b) hand labels: %d articles"
            + " scored of %d%n%n",
        a.size(),
        truthB.size(),
        b.size());
    System.out.println("| threshold | window | (a) P | (a) R | (a) F1 | (b) P | (b) R | (b) F1 |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int days : new int[] {3, 7, 10}) {
      for (double t = 0.20; t <= 0.451; t += 0.025) {
        InferenceSettings s =
            d.withWindow(Duration.ofDays(days)).withThreshold(Math.round(t * 1000) / 1000.0);
        String mark = s.equals(d) ? " **default**" : "";
        String label =
            String.format(Locale.ROOT, "%.3f%s | %d d", s.threshold(), mark, s.window().toDays());
        row(label, s, a, truthA, b, truthB);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nBy the number of pairs each article keeps with earlier ones (threshold %s, %d days):%n%n",
        d.threshold(),
        d.window().toDays());
    System.out.println("| neighbours | (a) P | (a) R | (a) F1 | (b) P | (b) R | (b) F1 |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int k : new int[] {1, 2, 3, 5, 10, 20, 1_000_000}) {
      InferenceSettings s = d.withNeighbours(k);
      String label =
          (k == 1_000_000 ? "no bound" : Integer.toString(k)) + (s.equals(d) ? " **default**" : "");
      row(label, s, a, truthA, b, truthB);
    }
  }

  /** One table row: the label's cells, then (a) and (b) under the settings. */
  private static void row(
      String label,
      InferenceSettings s,
      List<Item> a,
      Map<String, String> truthA,
      List<Item> b,
      Map<String, String> truthB) {
    Score sa = StoryEvaluation.bcubed(StoryEvaluation.infer(a, s), truthA);
    Score sb = StoryEvaluation.bcubed(StoryEvaluation.infer(b, s), truthB);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
        label,
        sa.precision(),
        sa.recall(),
        sa.f1(),
        sb.precision(),
        sb.recall(),
        sb.f1());
  }
}
