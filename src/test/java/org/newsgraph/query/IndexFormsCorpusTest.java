package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * The embedded store's forms of the named queries give the catalog forms' answers on real data: the
 * shared corpus beside the project ({@code ../shared/corpus}: a site's records and taxonomy, real
 * feed snapshots and feeds in other formats, saved article pages), ingested together, never copied
 * into the repository. Skipped, saying so, when the corpus is not there.
 */
class IndexFormsCorpusTest {

  private static final Path CORPUS = Path.of("../shared/corpus");

  @TempDir Path tmp;

  @Test
  void indexFormsGiveTheCatalogFormsAnswersOnRealSitesFeedsAndPages() {
    assumeTrue(
        Files.isDirectory(CORPUS.resolve("everyday-ai")),
        "the shared corpus is not at ../shared/corpus: IndexFormsCorpusTest skipped");
    Path db = tmp.resolve("db");
    Cli.Result run =
        IngestFixtures.cli(
            "ingest",
            "--no-progress",
            "--db",
            db.toString(),
            CORPUS.resolve("everyday-ai").toString(),
            CORPUS.resolve("feeds").toString(),
            CORPUS.resolve("pages").toString());
    // The corpus holds a file meant to be rejected (exit 1); the rest is stored.
    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    assertThat(run.err()).containsPattern(" [1-9][0-9]* added");
    QueryCatalog catalog = QueryCatalog.load();
    List<Map<String, String>> cases =
        List.of(Map.of(), Map.of("limit", "100000"), Map.of("links", "given", "self", "include"));
    try (Tdb2Store store = Tdb2Store.open(db)) {
      ParamBinder binder = new ParamBinder(store, IriFactory.of(IriFactory.DEFAULT_BASE));
      for (String name : catalog.formsIn(Tdb2Store.DIALECT)) {
        NamedQuery standard = catalog.get(name);
        NamedQuery indexed = catalog.get(name, Optional.of(Tdb2Store.DIALECT));
        for (Map<String, String> params : cases) {
          Map<String, String> own = new java.util.HashMap<>(params);
          own.keySet().removeIf(p -> standard.param(p) == null);
          String expected = csv(store, binder.prepare(standard, own));
          assertThat(csv(store, binder.prepare(indexed, own)))
              .as(name + " " + own)
              .isEqualTo(expected);
          assertThat(expected.lines().count()).as(name + " has rows on real data").isGreaterThan(1);
        }
      }
    }
  }

  private static String csv(Tdb2Store store, PreparedQuery prepared) {
    return IndexFormsTest.csv(store, prepared.query(), prepared.binding());
  }
}
