package org.newsgraph.store;

import java.nio.file.Path;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A real Fuseki server on an ephemeral loopback port over a TDB2 dataset with the union default
 * graph on, as a remote store must be configured: query at /newsgraph/sparql, update at
 * /newsgraph/update, Graph Store Protocol at /newsgraph/data.
 */
final class FusekiFixture implements AutoCloseable {

  private final FusekiServer server;
  private final DatasetGraph dataset;

  FusekiFixture(Path directory) {
    dataset = DatabaseMgr.connectDatasetGraph(Location.create(directory.toString()));
    dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
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
    TDBInternal.expel(dataset);
  }
}
