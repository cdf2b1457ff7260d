package org.newsgraph.store;

import java.nio.file.Path;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A real Fuseki server on an ephemeral loopback port: query at /newsgraph/sparql, update at
 * /newsgraph/update, Graph Store Protocol at /newsgraph/data.
 */
final class FusekiFixture implements AutoCloseable {

  /** How the dataset is set up. */
  enum Setup {
    /** TDB2 with the union default graph on, as docs/store.md recommends. */
    TDB2_UNION,
    /**
     * TDB2 as it comes ({@code fuseki-server --loc DIR}): the default graph is a graph of its own.
     */
    TDB2_PLAIN,
    /** In memory as it comes ({@code fuseki-server --mem --update /ds}). */
    MEMORY_PLAIN
  }

  private final FusekiServer server;
  private final DatasetGraph dataset;
  private final Setup setup;

  /** A server over a TDB2 dataset with the union default graph on. */
  FusekiFixture(Path directory) {
    this(directory, Setup.TDB2_UNION);
  }

  /** A server over a dataset set up as told; {@code directory} is unused in memory. */
  FusekiFixture(Path directory, Setup setup) {
    this.setup = setup;
    if (setup == Setup.MEMORY_PLAIN) {
      dataset = DatasetGraphFactory.createTxnMem();
    } else {
      dataset = DatabaseMgr.connectDatasetGraph(Location.create(directory.toString()));
      if (setup == Setup.TDB2_UNION) {
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
      }
    }
    server =
        FusekiServer.create()
            .port(0)
            .loopback(true)
            .add("/newsgraph", dataset, true)
            .build()
            .start();
  }

  /** The dataset URL, for {@code --endpoint}. */
  String url() {
    return "http://127.0.0.1:" + server.getPort() + "/newsgraph";
  }

  @Override
  public void close() {
    server.stop();
    if (setup != Setup.MEMORY_PLAIN) {
      TDBInternal.expel(dataset);
    }
  }
}
