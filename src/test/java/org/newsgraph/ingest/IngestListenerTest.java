package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.map.SystemGraphs;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

class IngestListenerTest {

  @TempDir Path tmp;

  private final IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);

  @Test
  void listenersHearOfEveryCommittedBatchWithTheGraphsItChanged() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 35);
    List<IngestListener.Committed> heard = new ArrayList<>();
    try (Tdb2Store store = Tdb2Store.open(tmp.resolve("db"))) {
      IngestReport report =
          ingester(store, IngestOptions.defaults().withBulk(false).withBatchSize(10))
              .addListener(
                  (s, batch) -> {
                    assertThat(s).isSameAs(store);
                    heard.add(batch);
                  })
              .run(List.of(src.toString()), new ByteArrayInputStream(new byte[0]));
      assertThat(report.graphs().added()).isEqualTo(35);
      Set<Node> written = new HashSet<>();
      heard.forEach(b -> written.addAll(b.written()));
      // Every record graph, and the system graphs written with the first batch.
      assertThat(written).hasSize(35 + new SystemGraphs(iris).load().size());
      assertThat(heard)
          .hasSizeGreaterThanOrEqualTo(4)
          .noneMatch(IngestListener.Committed::everything);
      // What the listener is told is already committed: a reader sees it.
      assertThat(IngestFixtures.dataQuads(store).stream().map(q -> q.getGraph()).distinct())
          .containsAll(written);
    }
  }

  @Test
  void afterABulkLoadListenersHearOnceThatEverythingChanged() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 12);
    List<IngestListener.Committed> heard = new ArrayList<>();
    try (Tdb2Store store = Tdb2Store.open(tmp.resolve("db"))) {
      ingester(store, IngestOptions.defaults())
          .addListener((s, batch) -> heard.add(batch))
          .run(List.of(src.toString()), new ByteArrayInputStream(new byte[0]));
    }
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0).everything()).isTrue();
  }

  private Ingester ingester(Tdb2Store store, IngestOptions options) {
    return new Ingester(
        store,
        new RecordReader(ReaderLimits.DEFAULT),
        new RecordMapper(iris),
        new Provenance(iris),
        new SystemGraphs(iris).load(),
        options,
        problem -> {},
        null);
  }
}
