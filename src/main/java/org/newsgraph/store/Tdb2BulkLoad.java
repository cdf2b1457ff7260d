package org.newsgraph.store;

import java.nio.file.Path;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * A bulk load through Jena's TDB2 {@code sequential} loader, fed directly by the caller's stream
 * with no intermediate file. The loader commits at {@link #finish()}; until then nothing is
 * visible.
 *
 * <p>Sequential, not {@code phased}: the phased loader builds the secondary indexes in parallel
 * threads fed by queues of tuples that take several hundred megabytes of heap (it ran out at 256 MB
 * for 10,000 records and at 512 MB for 100,000). The sequential one builds one index at a time in
 * little heap (10,000 records load at 128 MB), and on two cores, where the phased loader's threads
 * compete with the threads that read and map the records, it was faster too: 118 s against 135 s
 * for 100,000 records, 1,388 s against 2,048 s for a million (docs/BENCHMARKS.md).
 */
final class Tdb2BulkLoad implements BulkLoad {

  private static final MonitorOutput SILENT = (fmt, args) -> {};

  private final DataLoader loader;
  private final String where;
  private final Path directory;
  private final SearchIndex.Bulk text;
  private final StreamRDF stream;
  private boolean done;

  /**
   * Starts a load.
   *
   * @param dataset the TDB2 dataset itself (not a wrapper: the loader writes its storage)
   * @param where the store, for messages
   * @param directory the store directory
   * @param text the store's text index, which takes note of the quads sent, indexes them while the
   *     loader builds its indexes, and commits once the load has committed
   */
  Tdb2BulkLoad(DatasetGraph dataset, String where, Path directory, SearchIndex.Bulk text) {
    this.where = where;
    this.directory = directory;
    this.text = text;
    this.loader = LoaderFactory.sequentialLoader(dataset, SILENT);
    try {
      loader.startBulk();
      this.stream =
          new StreamRDFWrapper(loader.stream()) {
            @Override
            public void quad(Quad quad) {
              super.quad(quad);
              text.accept(quad);
            }
          };
      stream.start();
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot start a bulk load into " + where + ": " + Tdb2Maintenance.reason(e), e);
    }
  }

  @Override
  public Path scratchDirectory() {
    return directory;
  }

  @Override
  public StreamRDF stream() {
    return stream;
  }

  @Override
  public void finish() {
    done = true;
    try {
      stream.finish();
      text.startIndexing();
      loader.finishBulk();
    } catch (RuntimeException e) {
      abort(e);
      if (!Tdb2Maintenance.isStorageFailure(e)) {
        throw e;
      }
      throw new StoreException(
          "bulk load into " + where + " failed: " + Tdb2Maintenance.reason(e), e);
    }
    try {
      text.commit();
    } catch (StoreException e) {
      throw new StoreException(
          "the bulk load into "
              + where
              + " committed, but its text index could not be built (it is built when the store is"
              + " next opened): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      abort(new IllegalStateException("bulk load abandoned"));
    }
  }

  private void abort(Exception cause) {
    try {
      loader.finishException(cause);
    } catch (RuntimeException e) {
      // The load already failed; the first failure is the one reported.
    } finally {
      text.abandon();
    }
  }
}
