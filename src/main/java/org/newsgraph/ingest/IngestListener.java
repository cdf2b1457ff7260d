package org.newsgraph.ingest;

import java.util.List;
import org.apache.jena.graph.Node;
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
  IngestListener NONE = (store, batch) -> { };

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
   *     whole store is new, so derived data should be rebuilt from the store as a whole
   */
  record Committed(List<Node> written, List<Node> removed, boolean everything) {

    /** Copies the lists. */
    public Committed {
      written = List.copyOf(written);
      removed = List.copyOf(removed);
    }
  }
}
