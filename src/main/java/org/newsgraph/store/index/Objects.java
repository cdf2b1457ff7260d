package org.newsgraph.store.index;

import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecException;

/**
 * {@code (?o) fn:objects (?s ?p)}: the distinct objects of a subject and predicate over all named
 * graphs, as {@code ?s ?p ?o} over the union default graph gives them, for a subject and predicate
 * bound before it. A term described in many record graphs (a topic, a provider: every record that
 * cites one of their articles repeats their name) costs one index descent a distinct value, not a
 * step for every graph that states it.
 */
final class Objects extends IndexFunction {

  Objects() {
    super("objects", 1, 2);
  }

  @Override
  Iterator<Node[]> rows(QuadIndex index, List<Node> given) {
    if (given.get(0) == null || given.get(1) == null) {
      throw new QueryExecException(label() + " takes a subject and a predicate bound before it");
    }
    List<Long> objects = index.objects(index.id(given.get(0)), index.id(given.get(1)));
    return objects.stream().map(id -> new Node[] {index.node(id)}).iterator();
  }
}
