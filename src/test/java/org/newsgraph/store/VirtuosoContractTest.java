package org.newsgraph.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract ({@link StoreContractTest#check}) on a real Virtuoso 7 started by the test:
 * the same graphs and answers as the embedded store after every ingest step, to {@code stats} and
 * to every named query but {@code search}, none refused. Skipped, saying so, where virtuoso-t is
 * not installed ({@code .ci/install-test-deps.sh} installs it).
 */
@Tag("slow")
class VirtuosoContractTest {

  @Test
  void virtuosoGivesTheGraphsAndAnswersOfTheEmbeddedStore(@TempDir Path tmp) throws Exception {
    assumeTrue(
        VirtuosoFixture.installed(),
        "virtuoso-t is not on the PATH (Debian: apt-get install virtuoso-opensource-7-bin);"
            + " the Virtuoso contract test is skipped");
    try (VirtuosoFixture virtuoso = new VirtuosoFixture(tmp.resolve("virtuoso"))) {
      // The same graphs and the same answers after every step, stats and every named query but
      // search (which needs jena-text) included: the questions whose standard form Virtuoso 7.2
      // answers wrongly or refuses go in the forms written for it (queries/virtuoso/,
      // StatsQuery.VIRTUOSO), and their answers must be the embedded store's (docs/scale-out.md).
      StoreContractTest.check(
          tmp.resolve("contract"), Map.of("virtuoso", virtuoso.storeOptions()), Set.of(), true);
    }
  }
}
