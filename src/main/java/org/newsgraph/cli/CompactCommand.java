package org.newsgraph.cli;

import java.util.Locale;
import org.newsgraph.model.UsageException;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.Tdb2Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsgraph compact}: TDB2 compaction, the old generation deleted afterwards. */
@Command(
    name = "compact",
    mixinStandardHelpOptions = true,
    description = {
      "Compact the TDB2 store: copy the live data into a new generation and delete the old one.",
      "TDB2 is copy-on-write, so a store grows with every commit until compacted.",
      "Checks free space first; a crash during compaction leaves the old generation in use."
    })
final class CompactCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    if (store.remote()) {
      throw new UsageException(
          "compact works on a TDB2 store (--db); compact a remote " + "store with its own tools");
    }
    try (GraphStore graphs = store.open()) {
      Tdb2Store.Compaction sizes = ((Tdb2Store) graphs).compact();
      console
          .err()
          .println(
              String.format(
                  Locale.ROOT,
                  "compact: %s: %,d bytes before, %,d after",
                  graphs.describe(),
                  sizes.bytesBefore(),
                  sizes.bytesAfter()));
    }
    return ExitCodes.OK;
  }
}
