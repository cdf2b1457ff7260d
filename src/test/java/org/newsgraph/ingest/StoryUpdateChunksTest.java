package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.infer.InferenceSettings;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * An incremental run recomputes the stories it touched once, at its end, a bounded number of
 * articles at a time: with one article at a time, over several batches that add, change and remove
 * records of stories that span them, it ends where a clean ingest of the final folder does.
 */
class StoryUpdateChunksTest {

  @TempDir Path tmp;

  @Test
  void storiesUpdatedOneArticleAtATimeAtTheEndEqualACleanRun() throws IOException {
    Path site = tmp.resolve("site");
    Cli.Result made =
        IngestFixtures.cli("generate", "--count", "150", "--seed", "11", "--out", site.toString());
    assertThat(made.exit()).as(made.err()).isZero();
    List<Path> files = IngestFixtures.holdBack(site, tmp.resolve("held"), 3);
    Path db = tmp.resolve("db");
    Cli.Result first = IngestFixtures.cli("ingest", "--db", db.toString(), site.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    // Back into the folder, and one of the stored records gone: links appear and go.
    IngestFixtures.putBack(tmp.resolve("held"), site, 1);
    Files.delete(files.get(1));

    IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);
    try (Tdb2Store store = Tdb2Store.open(db)) {
      IngestFixtures.ingester(
              store, IngestOptions.defaults().withBatchSize(7).withPrune(true), problem -> {})
          .addListener(new StoryMaintainer(store, iris, InferenceSettings.DEFAULTS, true, 1))
          .run(List.of(site.toString()), new ByteArrayInputStream(new byte[0]));
    }

    Path clean = tmp.resolve("clean");
    Cli.Result again = IngestFixtures.cli("ingest", "--db", clean.toString(), site.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(IngestFixtures.comparableState(db)).isEqualTo(IngestFixtures.comparableState(clean));
  }
}
