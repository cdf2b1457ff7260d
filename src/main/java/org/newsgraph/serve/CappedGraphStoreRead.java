package org.newsgraph.serve;

import java.util.Iterator;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Graph Store Protocol reads with the protection queries have: a read of one graph, of the default
 * (union) graph or of the whole dataset is answered only when it holds at most the server's row cap
 * of triples or quads; a larger one is refused with 403 and a message naming the cap and pointing
 * to {@code newsgraph export}, the way to dump everything. The check counts at most cap + 1
 * statements before anything is written, in the read transaction of the answer itself.
 */
final class CappedGraphStoreRead extends GSP_R {

  private final int maxStatements;

  CappedGraphStoreRead(int maxStatements) {
    this.maxStatements = maxStatements;
  }

  @Override
  protected void doGet(HttpAction action) {
    long count;
    String what;
    action.beginRead();
    try {
      DatasetGraph dataset = decideDataset(action);
      if (isQuads(action)) {
        what = "the dataset";
        count = countUpTo(dataset.find(), maxStatements + 1L);
      } else {
        GraphTarget target = GraphTarget.determineTargetGSP(dataset, action);
        what = "graph " + target.label();
        count = target.exists() ? countUpTo(target.graph().find(), maxStatements + 1L) : 0;
      }
    } finally {
      action.endRead();
    }
    if (count > maxStatements) {
      ServletOps.error(
          403,
          what
              + " holds more than "
              + maxStatements
              + " statements, the most this server sends in one Graph Store read (newsgraph serve"
              + " --max-rows); read it with a SPARQL query with LIMIT/OFFSET, or dump it with"
              + " newsgraph export");
    }
    super.doGet(action);
  }

  private static long countUpTo(Iterator<?> statements, long limit) {
    long n = 0;
    while (n < limit && statements.hasNext()) {
      statements.next();
      n++;
    }
    return n;
  }
}
