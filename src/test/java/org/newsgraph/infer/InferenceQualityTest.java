package org.newsgraph.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Holds the default settings to the quality targets on the shared corpus (read when present; the
 * test says it skips otherwise): B-cubed against the aggregator's clusters with the related lists
 * hidden, and against the hand labels.
 */
class InferenceQualityTest {

  private static final Path CORPUS = Path.of("../shared/corpus/everyday-ai");

  @Test
  void aggregatorClustersWithTheListsHidden() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(CORPUS), "skipped: the shared corpus is not at " + CORPUS);
    Map<String, String> truth = new HashMap<>();
    var items =
        StoryEvaluation.aggregatorClusters(
            CORPUS.resolve("SmartableAI+artificial-intelligence"), truth);
    var score =
        StoryEvaluation.bcubed(StoryEvaluation.infer(items, InferenceSettings.DEFAULTS), truth);
    assertThat(score.precision()).isGreaterThanOrEqualTo(0.90);
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void handLabelledStories() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(CORPUS), "skipped: the shared corpus is not at " + CORPUS);
    Map<String, String> truth = new HashMap<>();
    var items =
        StoryEvaluation.handLabelled(
            CORPUS, Path.of("src/test/resources/stories/everyday-ai-labels.tsv"), truth);
    assertThat(truth).hasSizeGreaterThan(150);
    var score =
        StoryEvaluation.bcubed(StoryEvaluation.infer(items, InferenceSettings.DEFAULTS), truth);
    assertThat(score.precision()).isGreaterThanOrEqualTo(0.93);
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.93);
  }
}
