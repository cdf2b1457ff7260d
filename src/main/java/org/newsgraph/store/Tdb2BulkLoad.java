package org.newsgraph.store;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * A bulk load through Jena's TDB2 loader ({@code phased}: builds the primary indexes while the data
 * arrives, then the secondary ones), fed directly by the caller's stream with no intermediate file.
 * The loader commits at {@link #finish()}; until then nothing is visible.
 */
final class Tdb2BulkLoad implements BulkLoad {

  private static final MonitorOutput SILENT = (fmt, args) -> { };

  private final DataLoader loader;
  private final String where;
  private final StreamRDF stream;
  private boolean done;

  Tdb2BulkLoad(DatasetGraph dataset, String where) {
    this.where = where;
    this.loader = LoaderFactory.phasedLoader(dataset, SILENT);
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
