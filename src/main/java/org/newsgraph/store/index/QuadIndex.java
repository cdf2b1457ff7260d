package org.newsgraph.store.index;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The quads of a TDB2 dataset read at the level of its indexes: terms as TDB2's 8-byte node ids
 * (held as {@code long}s, equal exactly when the terms are), tuples in (graph, subject, predicate,
 * object) order as the index that serves a pattern gives them. For the index functions, which group
 * over every article without the engine's lookup per row. Read inside the query's read transaction;
 * not thread-safe.
 */
final class QuadIndex {

  /**
   * The id of a term the store does not hold: no quad can match it. TDB2 writes an id's kind in its
   * first byte, below 0x80, so no id of a stored term begins with the byte 0xFF of this and {@link
   * #ANY}.
   */
  static final long ABSENT = -1L;

  /** A free position in {@link #find}. */
  static final long ANY = -2L;

  private static final int CANCEL_CHECK = 1 << 14;

  private final TupleTable quads;
  private final NodeTable nodes;
  private final NodeTable base;
  private final AtomicBoolean cancel;
  private final ByteBuffer buffer = ByteBuffer.allocate(NodeId.SIZE);
  private int sinceCheck;

  private QuadIndex(DatasetGraphTDB tdb, AtomicBoolean cancel) {
    this.quads = tdb.getQuadTable().getNodeTupleTable().getTupleTable();
    this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
    this.base = nodes.baseNodeTable();
    this.cancel = cancel;
  }

  /**
   * The index of the dataset a query runs over.
   *
   * @throws QueryExecException when that dataset is not a TDB2 store: the index functions read
   *     TDB2's indexes, and a store of another kind answers the catalog's standard forms instead
   */
  static QuadIndex of(ExecutionContext context, String function) {
    DatasetGraph dataset = context.getDataset();
    while (!(dataset instanceof DatasetGraphTDB)
        && !TDBInternal.isTDB2(dataset)
        && dataset instanceof DatasetGraphWrapper wrapper) {
      dataset = wrapper.getWrapped();
    }
    DatasetGraphTDB tdb =
        dataset instanceof DatasetGraphTDB own
            ? own
            : TDBInternal.isTDB2(dataset) ? TDBInternal.getDatasetGraphTDB(dataset) : null;
    if (tdb == null) {
      throw new QueryExecException(
          function
              + " reads the indexes of newsgraph's embedded TDB2 store; this dataset is not one");
    }
    return new QuadIndex(tdb, context.getCancelSignal());
  }

  /** The id of a term, or {@link #ABSENT} when the store does not hold it. */
  long id(Node node) {
    NodeId id = nodes.getNodeIdForNode(node);
    return id == null || NodeId.isDoesNotExist(id) ? ABSENT : encode(id);
  }

  /** The term of an id. */
  Node node(long id) {
    return nodes.getNodeForNodeId(decode(id));
  }

  /**
   * The term of an id read once: straight from the node table's file, past its cache, so that a
   * pass over many terms each needed once (the cited articles of every link) neither pays for the
   * cache nor pushes out of it the terms that are read again.
   */
  Node nodeOnce(long id) {
    NodeId nodeId = decode(id);
    return NodeId.isInline(nodeId) ? NodeId.extract(nodeId) : base.getNodeForNodeId(nodeId);
  }

  /** The id of a term looked up once, past the node table's cache ({@link #nodeOnce}). */
  long idOnce(Node node) {
    if (NodeId.hasInlineDatatype(node)) {
      return id(node);
    }
    NodeId id = base.getNodeIdForNode(node);
    return id == null || NodeId.isDoesNotExist(id) ? ABSENT : encode(id);
  }

  /**
   * The quads matching a pattern, {@link #ANY} for a free position: each as {@code long[4]} (graph,
   * subject, predicate, object). Checks the query's cancel signal as it goes.
   */
  Iterator<long[]> find(long graph, long subject, long predicate, long object) {
    if (graph == ABSENT || subject == ABSENT || predicate == ABSENT || object == ABSENT) {
      return java.util.Collections.emptyIterator();
    }
    Tuple<NodeId> pattern =
        TupleFactory.create4(pattern(graph), pattern(subject), pattern(predicate), pattern(object));
    Iterator<Tuple<NodeId>> found = quads.find(pattern);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return found.hasNext();
      }

      @Override
      public long[] next() {
        checkCancel();
        Tuple<NodeId> t = found.next();
        return new long[] {encode(t.get(0)), encode(t.get(1)), encode(t.get(2)), encode(t.get(3))};
      }
    };
  }

  /**
   * The statements of a predicate (and of an object, unless {@link #ANY}) over all graphs, each as
   * the quad positions given (0 graph, 1 subject, 3 object; two or three of them), sorted by them
   * in that order, each tuple once: how the functions group what the {@code POSG} index gives.
   */
  LongTuples statements(long predicate, long object, int... positions) {
    return statements(predicate, object, graph -> true, positions);
  }

  /** {@link #statements(long, long, int...)} of the graphs that {@code keep} accepts alone. */
  LongTuples statements(long predicate, long object, LongPredicate keep, int... positions) {
    LongTuples found = new LongTuples(positions.length);
    for (Iterator<long[]> it = find(ANY, ANY, predicate, object); it.hasNext(); ) {
      long[] quad = it.next();
      if (!keep.test(quad[0])) {
        continue;
      }
      if (positions.length == 2) {
        found.add(quad[positions[0]], quad[positions[1]]);
      } else {
        found.add(quad[positions[0]], quad[positions[1]], quad[positions[2]]);
      }
    }
    found.sortDistinct();
    return found;
  }

  /**
   * The distinct objects of a subject and predicate over all graphs, in the order of their ids: one
   * descent of the {@code SPOG} tree a distinct object, where a plain scan passes every graph that
   * states it (a topic's name is stated in every record graph that cites one of its articles).
   */
  List<Long> objects(long subject, long predicate) {
    List<Long> found = new ArrayList<>();
    if (subject == ABSENT || predicate == ABSENT) {
      return found;
    }
    TupleIndex spog = null;
    for (TupleIndex index : quads.getIndexes()) {
      if (index.getName().equalsIgnoreCase("SPOG")) {
        spog = index;
      }
    }
    if (spog == null || !(spog.baseTupleIndex() instanceof TupleIndexRecord base)) {
      // Not a standard TDB2 layout: a plain scan, keeping each object once.
      for (Iterator<long[]> it = find(ANY, subject, predicate, ANY); it.hasNext(); ) {
        long object = it.next()[3];
        if (!found.contains(object)) {
          found.add(object);
        }
      }
      return found;
    }
    RangeIndex tree = base.getRangeIndex();
    RecordFactory records = tree.getRecordFactory();
    byte[] last = new byte[4 * NodeId.SIZE];
    ByteBuffer.wrap(last).putLong(subject).putLong(predicate).putLong(-1L).putLong(-1L);
    Record max = records.create(last);
    long from = 0;
    while (true) {
      byte[] first = new byte[4 * NodeId.SIZE];
      ByteBuffer.wrap(first).putLong(subject).putLong(predicate).putLong(from).putLong(0L);
      Iterator<Record> it = tree.iterator(records.create(first), max);
      if (!it.hasNext()) {
        return found;
      }
      long object = ByteBuffer.wrap(it.next().getKey()).getLong(2 * NodeId.SIZE);
      found.add(object);
      checkCancel();
      if (object == -1L) {
        return found;
      }
      from = object + 1;
    }
  }

  /** Throws when the query has been cancelled (a timeout, a client gone); cheap to call often. */
  void checkCancel() {
    if (++sinceCheck >= CANCEL_CHECK) {
      sinceCheck = 0;
      if (cancel != null && cancel.get()) {
        throw new QueryCancelledException();
      }
    }
  }

  private static NodeId pattern(long id) {
    return id == ANY ? NodeId.NodeIdAny : decode(id);
  }

  private long encode(NodeId id) {
    buffer.clear();
    NodeIdFactory.set(id, buffer, 0);
    return buffer.getLong(0);
  }

  private static NodeId decode(long id) {
    ByteBuffer bytes = ByteBuffer.allocate(NodeId.SIZE);
    bytes.putLong(0, id);
    return NodeIdFactory.get(bytes, 0);
  }
}
