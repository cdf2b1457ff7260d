package org.newsgraph.ingest;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.store.GraphStore;

/**
 * The extension point of an ingest run: told after every batch the store has committed, on the
 * writer thread, before the next batch is written. A listener may read and write the store (its
 * writes are its own transactions, after the batch's). An exception it throws ends the run like a
 * store failure; the batch it was told about stays committed.
 */
@FunctionalInterface
public interface IngestListener {

  /** A listener that does nothing. */
  IngestListener NONE = (store, batch) -> {};

  /**
   * Called once before the run writes anything. Derived data that is kept up to date batch by batch
   * can mark itself as being updated here, so that a run killed half-way is noticed by the next
   * one.
   *
   * @param store the store the run writes to
   * @param bulk true when the run bulk-loads an empty store: the store must then not be written to
   *     before the load (a bulk load that fails leaves the store empty, so there is nothing to
   *     mark)
   */
  default void runStarting(GraphStore store, boolean bulk) {}

  /**
   * Called once before the run writes anything, with a folder for scratch files on the bulk path.
   * By default calls {@link #runStarting(GraphStore, boolean)}.
   *
   * @param store the store the run writes to
   * @param bulk true when the run bulk-loads an empty store
   * @param scratch on the bulk path, a folder beside the store for temporary files; else null
   */
  default void runStarting(GraphStore store, boolean bulk, Path scratch) {
    runStarting(store, bulk);
  }

  /**
   * Called once after the run's last batch was committed, when the run did not fail.
   *
   * @param store the store the run writes to
   */
  default void runFinished(GraphStore store) {}

  /**
   * Bulk load only: called with every quad streamed into the loader, on the writer thread. Derived
   * data can be computed from the stream here and handed over in {@link #loadEnding(StreamRDF)}.
   *
   * @param quad a quad about to be loaded
   */
  default void loading(Quad quad) {}

  /**
   * Bulk load only: called after the last record was streamed into the loader and before the load
   * commits; quads sent to {@code loader} are loaded in the same transaction as the records.
   *
   * @param loader the loader's input
   */
  default void loadEnding(StreamRDF loader) {}

  /**
   * Called after a batch was committed.
   *
   * @param store the store the run writes to
   * @param batch what the batch changed
   */
  void committed(GraphStore store, Committed batch);

  /**
   * What one committed batch changed.
   *
   * @param written record graphs written (added or replaced) by the batch
   * @param removed record graphs removed by the batch
   * @param everything true after a bulk load into an empty store: the lists are then empty and the
   *     whole store is new, so derived data should be rebuilt from the store as a whole (unless the
   *     listener loaded it with the records, through {@link #loadEnding(StreamRDF)})
   */
  record Committed(List<Node> written, List<Node> removed, boolean everything) {

    /** Copies the lists. */
    public Committed {
      written = List.copyOf(written);
      removed = List.copyOf(removed);
    }
  }
}
