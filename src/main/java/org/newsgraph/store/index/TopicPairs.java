package org.newsgraph.store.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.vocab.NewsVocab;

/**
 * {@code (?topicA ?topicB ?shared) fn:topicPairs (?topic ?min)}: pairs of topics by the number of
 * articles about both ({@code schema:about}), as {@code topic-cooccurrence} counts them. Each pair
 * once, the topic with the smaller IRI first; with {@code ?topic} bound, the pairs of that topic
 * alone, it first. Only pairs of at least {@code ?min} articles (default 1).
 *
 * <p>One pass over the {@code schema:about} statements, grouped by article in memory (16 bytes a
 * statement), then a count per pair: no lookup per article.
 */
final class TopicPairs extends IndexFunction {

  TopicPairs() {
    super("topicPairs", 3, 2);
  }

  @Override
  Iterator<Node[]> rows(QuadIndex index, List<Node> given) {
    long about = index.id(NewsVocab.SCHEMA_ABOUT);
    long only = given.get(0) == null ? QuadIndex.ANY : index.id(given.get(0));
    long min = integer(given.get(1), 1);
    if (about == QuadIndex.ABSENT || only == QuadIndex.ABSENT) {
      return java.util.Collections.emptyIterator();
    }
    LongTuples statements = index.statements(about, QuadIndex.ANY, 1, 3);

    Terms topics = new Terms(index);
    LongIntMap counts = new LongIntMap();
    List<Integer> ofArticle = new ArrayList<>();
    int n = statements.size();
    for (int start = 0; start < n; ) {
      int end = start;
      ofArticle.clear();
      while (end < n && statements.first(end) == statements.first(start)) {
        ofArticle.add(topics.index(statements.second(end)));
        end++;
      }
      for (int a : ofArticle) {
        for (int b : ofArticle) {
          boolean counted =
              only == QuadIndex.ANY
                  ? topics.text(a).compareTo(topics.text(b)) < 0
                  : topics.id(a) == only && b != a;
          if (counted) {
            long key = (long) a << 32 | b;
            counts.increment(key);
          }
        }
      }
      index.checkCancel();
      start = end;
    }
    List<Node[]> rows = new ArrayList<>();
    counts.forEach(
        (key, count) -> {
          if (count >= min) {
            rows.add(
                new Node[] {
                  topics.node((int) (key >>> 32)),
                  topics.node((int) key),
                  NodeValue.makeInteger(count).asNode()
                });
          }
        });
    return rows.iterator();
  }
}
