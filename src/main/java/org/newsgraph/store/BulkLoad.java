package org.newsgraph.store;

import java.nio.file.Path;
import org.apache.jena.riot.system.StreamRDF;

/**
 * A bulk load into an empty store: quads sent to {@link #stream()} become visible together when
 * {@link #finish()} returns. Used by one thread; close it in every case.
 */
public interface BulkLoad extends AutoCloseable {

  /** Where the quads go; {@code start} and {@code finish} are handled by this object. */
  StreamRDF stream();

  /**
   * A directory on the store's disk where the load's caller may keep temporary files (the store's
   * own directory: a load of the store's size fits there when the store does).
   */
  Path scratchDirectory();

  /**
   * Commits everything sent.
   *
   * @throws StoreException when the load fails
   */
  void finish();

  /** Abandons the load when {@link #finish()} was not called; a no-op afterwards. */
  @Override
  void close();
}
