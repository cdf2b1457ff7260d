package org.newsgraph.store;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * A bulk load through Jena's TDB2 loader, fed directly by the caller's stream with no intermediate
 * file. The loader commits at {@link #finish()}; until then nothing is visible.
 *
 * <p>The loader is {@code phased} (builds the primary indexes while the data arrives, then the
 * secondary ones in parallel) when the heap has room for its queues of tuples, which hold a few
 * hundred megabytes whatever the corpus size; on a smaller heap it is {@code sequential} (one index
 * at a time, little heap), which a heap of 128 MB runs.
 */
final class Tdb2BulkLoad implements BulkLoad {

  private static final MonitorOutput SILENT = (fmt, args) -> { };
  /** The least maximum heap the phased loader is used with. */
  static final long PHASED_MIN_HEAP = 900L << 20;

  private final DataLoader loader;
  private final String description;
  private final String where;
  private final StreamRDF stream;
  private boolean done;

  /** A load with the loader this JVM's maximum heap allows. */
  Tdb2BulkLoad(DatasetGraph dataset, String where) {
    this.where = where;
    boolean phased = Runtime.getRuntime().maxMemory() >= PHASED_MIN_HEAP;
    this.loader = phased ? LoaderFactory.phasedLoader(dataset, SILENT)
        : LoaderFactory.sequentialLoader(dataset, SILENT);
    this.description = phased ? "bulk load"
        : "bulk load, sequential: the Java heap is under " + (PHASED_MIN_HEAP >> 20) + " MB";
    try {
      loader.startBulk();
      this.stream = loader.stream();
      stream.start();
    } catch (RuntimeException e) {
      throw new StoreException("cannot start a bulk load into " + where + ": "
          + Tdb2Maintenance.reason(e), e);
    }
  }

  @Override
  public String describe() {
    return description;
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
      loader.finishBulk();
    } catch (RuntimeException e) {
      abort(e);
      throw new StoreException("bulk load into " + where + " failed: " + Tdb2Maintenance.reason(e), e);
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
    }
  }
}
