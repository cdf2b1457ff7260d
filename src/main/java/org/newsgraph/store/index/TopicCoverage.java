package org.newsgraph.store.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.vocab.NewsVocab;

/**
 * {@code (?topic ?articles ?providers ?first ?last) fn:topicCoverage ()}: per topic, counting the
 * articles of its narrower topics too, as {@code topic-coverage} does: its articles ({@code
 * schema:about} it or a topic below it by {@code skos:broader}, the topics being those typed {@code
 * news:Topic}), their distinct providers ({@code schema:publisher}) and their first and last {@code
 * schema:datePublished} (in SPARQL's order of values, as {@code MIN} and {@code MAX} take them). A
 * topic with no article gives no row.
 *
 * <p>Three passes, one a predicate ({@code schema:about}, {@code schema:publisher}, {@code
 * schema:datePublished}), each grouped by article in memory (16 bytes a statement), then walked
 * side by side: no lookup per article.
 */
final class TopicCoverage extends IndexFunction {

  TopicCoverage() {
    super("topicCoverage", 5, 0);
  }

  @Override
  Iterator<Node[]> rows(QuadIndex index, List<Node> given) {
    Terms topics = new Terms(index);
    int[][] above = closure(index, topics);
    LongTuples about = index.statements(index.id(NewsVocab.SCHEMA_ABOUT), QuadIndex.ANY, 1, 3);
    LongTuples publishers =
        index.statements(index.id(NewsVocab.SCHEMA_PUBLISHER), QuadIndex.ANY, 1, 3);
    LongTuples dates =
        index.statements(index.id(NewsVocab.SCHEMA_DATE_PUBLISHED), QuadIndex.ANY, 1, 3);

    int n = topics.size();
    int[] articles = new int[n];
    NodeValue[] first = new NodeValue[n];
    NodeValue[] last = new NodeValue[n];
    Terms providers = new Terms(index);
    LongIntMap topicProviders = new LongIntMap();
    int[] providerCounts = new int[n];
    BitSet reached = new BitSet(n);
    int p = 0;
    int d = 0;
    for (int i = 0; i < about.size(); ) {
      long article = about.first(i);
      reached.clear();
      for (; i < about.size() && about.first(i) == article; i++) {
        int topic = topics.known(about.second(i));
        if (topic >= 0 && above[topic] != null) {
          for (int t : above[topic]) {
            reached.set(t);
          }
        }
      }
      while (p < publishers.size() && publishers.first(p) < article) {
        p++;
      }
      while (d < dates.size() && dates.first(d) < article) {
        d++;
      }
      if (reached.isEmpty()) {
        continue;
      }
      NodeValue earliest = null;
      NodeValue latest = null;
      for (int k = d; k < dates.size() && dates.first(k) == article; k++) {
        NodeValue date = NodeValue.makeNode(index.nodeOnce(dates.second(k)));
        if (earliest == null || NodeValue.compareAlways(date, earliest) < 0) {
          earliest = date;
        }
        if (latest == null || NodeValue.compareAlways(date, latest) > 0) {
          latest = date;
        }
      }
      for (int t = reached.nextSetBit(0); t >= 0; t = reached.nextSetBit(t + 1)) {
        articles[t]++;
        for (int k = p; k < publishers.size() && publishers.first(k) == article; k++) {
          long key = (long) t << 32 | providers.index(publishers.second(k));
          if (topicProviders.get(key) == LongIntMap.ABSENT) {
            topicProviders.put(key, 1);
            providerCounts[t]++;
          }
        }
        if (earliest != null) {
          if (first[t] == null || NodeValue.compareAlways(earliest, first[t]) < 0) {
            first[t] = earliest;
          }
          if (last[t] == null || NodeValue.compareAlways(latest, last[t]) > 0) {
            last[t] = latest;
          }
        }
      }
      index.checkCancel();
    }
    List<Node[]> rows = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (articles[t] > 0) {
        rows.add(
            new Node[] {
              topics.node(t),
              NodeValue.makeInteger(articles[t]).asNode(),
              NodeValue.makeInteger(providerCounts[t]).asNode(),
              first[t] == null ? null : first[t].asNode(),
              last[t] == null ? null : last[t].asNode()
            });
      }
    }
    return rows.iterator();
  }

  /**
   * Numbers every topic (typed {@code news:Topic}) and every term above one by {@code
   * skos:broader}; for each topic, the numbers of itself and all above it (null for a term that is
   * not a topic itself).
   */
  private static int[][] closure(QuadIndex index, Terms terms) {
    List<Long> typed = new ArrayList<>();
    LongTuples topics =
        index.statements(index.id(NewsVocab.RDF_TYPE), index.id(NewsVocab.TOPIC), 1, 1);
    for (int i = 0; i < topics.size(); i++) {
      terms.index(topics.first(i));
      typed.add(topics.first(i));
    }
    LongTuples broader = index.statements(index.id(NewsVocab.SKOS_BROADER), QuadIndex.ANY, 1, 3);
    int[][] above = new int[terms.size()][];
    for (long topic : typed) {
      BitSet seen = new BitSet();
      List<Long> found = new ArrayList<>();
      Deque<Long> next = new ArrayDeque<>(List.of(topic));
      while (!next.isEmpty()) {
        long term = next.poll();
        int number = terms.index(term);
        if (seen.get(number)) {
          continue;
        }
        seen.set(number);
        found.add(term);
        for (int k = broader.indexOf(term); k >= 0 && k < broader.size(); k++) {
          if (broader.first(k) != term) {
            break;
          }
          next.add(broader.second(k));
        }
      }
      above[terms.known(topic)] = found.stream().mapToInt(terms::index).toArray();
    }
    // Terms first numbered above (not topics themselves) have no list of their own.
    return Arrays.copyOf(above, terms.size());
  }
}
