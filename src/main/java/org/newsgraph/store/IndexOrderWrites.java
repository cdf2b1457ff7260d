package org.newsgraph.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.lib.TupleLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The quad insertions and deletions of one write transaction, held back and then written index by
 * index, each index's in its own key order.
 *
 * <p>A quad written on its own goes into TDB2's six quad indexes one after the other, each at a
 * place of its own: the records of a batch land all over the {@code POSG} and {@code OSPG} trees (a
 * date, a provider, a topic shared with older articles), so every quad walks six B+tree paths that
 * the previous quad did not warm. Written index by index in key order, one index's pages are
 * touched together and each once, while they are in the CPU's and the system's caches. The result
 * is the same records in the same indexes: only the order of the insertions changes.
 *
 * <p>Only quads of named graphs are held; the caller writes the rest, and anything that must be
 * seen by a read in the same transaction, itself, after a {@link #flush()}. Deletions are written
 * before insertions, so a caller that holds both for one graph must hold them as a difference (no
 * quad both deleted and inserted). Not thread-safe; lives within one write transaction.
 */
final class IndexOrderWrites {

  // Held tuples are written when this many wait: bounds the memory of a very large transaction.
  private static final int LIMIT = 200_000;

  private final TupleTable table;
  private final NodeTable nodes;
  private final List<Tuple<NodeId>> inserts = new ArrayList<>();
  private final List<Tuple<NodeId>> deletes = new ArrayList<>();
  private final Set<Node> graphs = new HashSet<>();

  private IndexOrderWrites(DatasetGraphTDB tdb) {
    this.table = tdb.getQuadTable().getNodeTupleTable().getTupleTable();
    this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
  }

  /**
   * The writes of a TDB2 dataset's current write transaction (resolved anew for each: a compaction
   * switches the dataset's storage).
   */
  static IndexOrderWrites of(DatasetGraph storage) {
    return new IndexOrderWrites(TDBInternal.getDatasetGraphTDB(storage));
  }

  /**
   * Whether quads of a graph are held here already: a caller that reads the graph must {@link
   * #flush()} first.
   */
  boolean holds(Node graph) {
    return graphs.contains(graph);
  }

  /** Whether quads of a graph can be held: those of a named graph (the others are the caller's). */
  static boolean holdable(Node graph) {
    return graph != null
        && graph.isURI()
        && !Quad.isDefaultGraph(graph)
        && !Quad.isUnionGraph(graph);
  }

  /** Holds the insertion of a triple into a {@linkplain #holdable holdable} graph. */
  void insert(Node graph, Triple t) {
    check(graph);
    inserts.add(
        TupleFactory.create4(
            nodes.getAllocateNodeId(graph),
            nodes.getAllocateNodeId(t.getSubject()),
            nodes.getAllocateNodeId(t.getPredicate()),
            nodes.getAllocateNodeId(t.getObject())));
    graphs.add(graph);
    if (inserts.size() >= LIMIT) {
      flush();
    }
  }

  /**
   * Holds the deletion of a triple from a {@linkplain #holdable holdable} graph (nothing when the
   * store lacks one of its nodes: it holds no such quad).
   */
  void delete(Node graph, Triple t) {
    check(graph);
    NodeId g = nodes.getNodeIdForNode(graph);
    NodeId s = nodes.getNodeIdForNode(t.getSubject());
    NodeId p = nodes.getNodeIdForNode(t.getPredicate());
    NodeId o = nodes.getNodeIdForNode(t.getObject());
    if (NodeId.isDoesNotExist(g)
        || NodeId.isDoesNotExist(s)
        || NodeId.isDoesNotExist(p)
        || NodeId.isDoesNotExist(o)) {
      return;
    }
    deletes.add(TupleFactory.create4(g, s, p, o));
    graphs.add(graph);
    if (deletes.size() >= LIMIT) {
      flush();
    }
  }

  private static void check(Node graph) {
    if (!holdable(graph)) {
      throw new IllegalArgumentException("not a named graph: " + graph);
    }
  }

  /** Writes what is held: the deletions, then the insertions, index by index in key order. */
  void flush() {
    for (TupleIndex index : table.getIndexes()) {
      if (index != null) {
        write(index, deletes, false);
      }
    }
    deletes.clear();
    for (TupleIndex index : table.getIndexes()) {
      if (index != null) {
        write(index, inserts, true);
      }
    }
    inserts.clear();
    graphs.clear();
  }

  private static void write(TupleIndex index, List<Tuple<NodeId>> tuples, boolean insert) {
    if (tuples.isEmpty()) {
      return;
    }
    if (!(index.baseTupleIndex() instanceof TupleIndexRecord base)) {
      // Not the B+tree index of a standard TDB2 dataset: its own order, through its own methods.
      for (Tuple<NodeId> t : tuples) {
        if (insert) {
          index.add(t);
        } else {
          index.delete(t);
        }
      }
      return;
    }
    RangeIndex tree = base.getRangeIndex();
    List<Record> records = new ArrayList<>(tuples.size());
    for (Tuple<NodeId> t : tuples) {
      records.add(TupleLib.record(tree.getRecordFactory(), t, index.getMapping()));
    }
    records.sort(Record::compareByKey);
    for (Record r : records) {
      if (insert) {
        tree.insert(r);
      } else {
        tree.delete(r);
      }
    }
  }
}
