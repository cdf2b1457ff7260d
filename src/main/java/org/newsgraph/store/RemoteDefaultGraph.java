package org.newsgraph.store;

import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpQuadBlock;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;

/**
 * What a remote store's default graph is, found out once, and how queries that read it are sent so
 * that they see the union of the named graphs, as newsgraph's queries expect (the embedded store is
 * configured that way).
 *
 * <ul>
 *   <li>{@link Kind#UNION}: the default graph already is the union (Fuseki with {@code
 *       tdb2:unionDefaultGraph}, Virtuoso, GraphDB): queries go as they are.
 *   <li>{@link Kind#UNION_BY_NAME}: the default graph is a graph of its own, but the engine names
 *       the union {@code <urn:x-arq:UnionGraph>} (Jena and Fuseki in any configuration): the
 *       pattern of a query that reads the default graph is wrapped in {@code GRAPH
 *       <urn:x-arq:UnionGraph> { ... }}. Its {@code GRAPH ?g} patterns inside still range over the
 *       named graphs. (The protocol's {@code default-graph-uri} would also select the union, but it
 *       leaves the query without named graphs, which most of newsgraph's queries also read.)
 *   <li>{@link Kind#SEPARATE}: neither; a query that reads the default graph is refused with a
 *       message naming the setting that fixes it, never answered from an empty default graph.
 * </ul>
 *
 * The probe takes one triple of a named graph and asks whether the default graph holds it, then
 * whether the union graph by name does. A store with no named-graph triple yet is asked again at
 * the next query. Thread-safe.
 */
final class RemoteDefaultGraph {

  /** What the default graph of the store is. */
  enum Kind {
    UNION,
    UNION_BY_NAME,
    SEPARATE
  }

  private static final Query SAMPLE =
      QueryFactory.create("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1");

  private final String where;
  private final Function<Query, Node[]> sample;
  private final Predicate<Query> ask;
  private volatile Kind kind;

  /**
   * @param where the store, for messages
   * @param sample runs {@link #SAMPLE}-like queries: the subject, predicate and object of the first
   *     row, or null when there is none
   * @param ask runs an ASK query as it is
   */
  RemoteDefaultGraph(String where, Function<Query, Node[]> sample, Predicate<Query> ask) {
    this.where = where;
    this.sample = sample;
    this.ask = ask;
  }

  /**
   * The query to send for {@code query}: itself, or its pattern over the union graph by name.
   *
   * @throws RemoteUnsupportedException when the query reads a default graph that is not the union
   *     and the store names no union graph
   */
  Query adapt(Query query) {
    if (query.hasDatasetDescription() || !readsDefaultGraph(query)) {
      return query;
    }
    Kind found = kind();
    if (found == null || found == Kind.UNION) {
      return query;
    }
    if (found == Kind.UNION_BY_NAME && !query.isDescribeType()) {
      Query copy = query.cloneQuery();
      copy.setQueryPattern(
          new ElementNamedGraph(
              Quad.unionGraph,
              copy.getQueryPattern() != null ? copy.getQueryPattern() : new ElementGroup()));
      return copy;
    }
    throw new RemoteUnsupportedException(
        (query.isDescribeType() ? "a DESCRIBE reads" : "this command's queries read")
            + " the default graph as the union of the named graphs, and "
            + where
            + (found == Kind.UNION_BY_NAME
                ? " keeps its default graph apart (a DESCRIBE cannot be sent to the union by name)"
                : " keeps its default graph apart and names no union graph")
            + ": turn the union default graph on (Fuseki: tdb2:unionDefaultGraph true on the"
            + " TDB2 dataset; other engines: their own setting), or use --db");
  }

  /** The kind found, or null while the store holds no named-graph triple. */
  Kind kind() {
    Kind known = kind;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (kind == null) {
        kind = probe();
      }
      return kind;
    }
  }

  private Kind probe() {
    Node[] triple = sample.apply(SAMPLE);
    if (triple == null) {
      return null;
    }
    if (ask.test(askFor(triple, null))) {
      return Kind.UNION;
    }
    if (ask.test(askFor(triple, Quad.unionGraph))) {
      return Kind.UNION_BY_NAME;
    }
    return Kind.SEPARATE;
  }

  /** ASK for one triple, in the default graph or in a graph by name. */
  private static Query askFor(Node[] triple, Node graph) {
    ElementTriplesBlock block = new ElementTriplesBlock();
    block.addTriple(org.apache.jena.graph.Triple.create(triple[0], triple[1], triple[2]));
    Query ask = new Query();
    ask.setQueryAskType();
    ask.setQueryPattern(graph == null ? block : new ElementNamedGraph(graph, block));
    return ask;
  }

  /**
   * Whether evaluating the query touches the default graph: a triple pattern or path outside every
   * {@code GRAPH} (in Jena's quad form, a quad or path on the default graph node), or a DESCRIBE
   * (whose description is taken from the default graph).
   */
  static boolean readsDefaultGraph(Query query) {
    if (query.isDescribeType()) {
      return true;
    }
    if (query.getQueryPattern() == null) {
      return false;
    }
    Op op = Algebra.toQuadForm(Algebra.compile(query));
    boolean[] reads = {false};
    OpVisitorBase visitor =
        new OpVisitorBase() {
          @Override
          public void visit(OpQuadPattern quads) {
            reads[0] |= Quad.isDefaultGraph(quads.getGraphNode());
          }

          @Override
          public void visit(OpQuadBlock block) {
            block.getPattern().forEach(q -> reads[0] |= Quad.isDefaultGraph(q.getGraph()));
          }

          @Override
          public void visit(OpGraph graph) {
            reads[0] |= Quad.isDefaultGraph(graph.getNode());
          }
        };
    // EXISTS and NOT EXISTS hold patterns inside expressions: walk into them too.
    Walker.walk(
        op,
        visitor,
        new ExprVisitorBase() {
          @Override
          public void visit(ExprFunctionOp function) {
            Walker.walk(Algebra.toQuadForm(function.getGraphPattern()), visitor, this);
          }
        });
    return reads[0];
  }
}
