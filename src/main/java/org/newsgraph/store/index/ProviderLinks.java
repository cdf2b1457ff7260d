package org.newsgraph.store.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.expr.NodeValue;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.vocab.NewsVocab;

/**
 * {@code (?citing ?cited ?count) fn:providerLinks (?links ?self)}: provider × provider counts of
 * links, as {@code provider-links} counts them. A related link ({@code news:related}) counts in the
 * citing article's record graph, with both articles' providers ({@code schema:publisher}) as that
 * graph names them; with {@code ?links} "all" (the default; "given" leaves them out) an inferred
 * same-story link ({@code news:sameStory}, stated each way) counts once each way, each article's
 * provider from its own record graph. {@code ?self}: "exclude" (the default) leaves out a provider
 * citing itself, "include" counts it, "only" counts nothing else.
 *
 * <p>Each graph's statements of providers are read into memory (24 bytes a statement), sorted by
 * graph and article; the related links are then read in one pass and their providers found there:
 * no lookup in the store per link.
 */
final class ProviderLinks extends IndexFunction {

  private static final Pattern ARTICLE = Pattern.compile("/article/([0-9a-f]{16})$");

  ProviderLinks() {
    super("providerLinks", 3, 2);
  }

  @Override
  Iterator<Node[]> rows(QuadIndex index, List<Node> given) {
    String links = string(given.get(0), "all");
    String self = string(given.get(1), "exclude");
    if (!links.equals("all") && !links.equals("given")) {
      throw new QueryExecException(label() + ": links is \"given\" or \"all\", not " + links);
    }
    if (!List.of("exclude", "include", "only").contains(self)) {
      throw new QueryExecException(
          label() + ": self is \"exclude\", \"include\" or \"only\", not " + self);
    }
    Counts counts = new Counts(index, self);
    long publisher = index.id(NewsVocab.SCHEMA_PUBLISHER);
    LongTuples named =
        index.statements(publisher, QuadIndex.ANY, 0, 1, 3); // graph, article, provider
    for (Iterator<long[]> it =
            index.find(QuadIndex.ANY, QuadIndex.ANY, index.id(NewsVocab.RELATED), QuadIndex.ANY);
        it.hasNext(); ) {
      long[] quad = it.next();
      if (quad[1] != quad[3]) {
        counts.add(named, named.indexOf(quad[0], quad[1]), named.indexOf(quad[0], quad[3]));
      }
    }
    if (links.equals("all")) {
      Map<Long, long[]> own = new HashMap<>();
      LongTuples pairs = index.statements(index.id(NewsVocab.SAME_STORY), QuadIndex.ANY, 1, 3);
      for (int i = 0; i < pairs.size(); i++) {
        if (pairs.first(i) != pairs.second(i)) {
          counts.add(
              own.computeIfAbsent(pairs.first(i), a -> ownProviders(index, a, publisher)),
              own.computeIfAbsent(pairs.second(i), b -> ownProviders(index, b, publisher)));
        }
      }
    }
    return counts.rows();
  }

  /**
   * The providers an article's own record graph gives it: the graph {@code …/graph/article/KEY} of
   * the article {@code …/article/KEY}; none for an article of another form, or without a record.
   */
  private static long[] ownProviders(QuadIndex index, long article, long publisher) {
    Node node = index.nodeOnce(article);
    if (!node.isURI()) {
      return null;
    }
    String graph = ARTICLE.matcher(node.getURI()).replaceFirst("/graph/article/$1");
    long[] found = null;
    for (Iterator<long[]> it =
            index.find(
                index.idOnce(NodeFactory.createURI(graph)), article, publisher, QuadIndex.ANY);
        it.hasNext(); ) {
      found = concat(found, new long[] {it.next()[3]});
    }
    return found;
  }

  private static long[] concat(long[] a, long[] b) {
    if (a == null) {
      return b;
    }
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Counts by provider pair, the self rule applied. */
  private static final class Counts {
    private final Terms providers;
    private final String self;
    private final LongIntMap counts = new LongIntMap();

    Counts(QuadIndex index, String self) {
      this.providers = new Terms(index);
      this.self = self;
    }

    /**
     * Counts one related link whose citing and cited articles' providers are the runs of {@code
     * named} (graph, article, provider) that begin at {@code citing} and {@code cited} (-1: none).
     */
    void add(LongTuples named, int citing, int cited) {
      if (citing < 0 || cited < 0) {
        return;
      }
      for (int i = citing; named.startsWith(i, named.first(citing), named.second(citing)); i++) {
        for (int j = cited; named.startsWith(j, named.first(cited), named.second(cited)); j++) {
          count(named.get(i, 2), named.get(j, 2));
        }
      }
    }

    /** Counts one link: every pair of a citing and a cited provider (none when either has none). */
    void add(long[] citing, long[] cited) {
      if (citing == null || cited == null) {
        return;
      }
      for (long a : citing) {
        for (long b : cited) {
          count(a, b);
        }
      }
    }

    private void count(long a, long b) {
      if (self.equals("include") || self.equals("only") == (a == b)) {
        long key = (long) providers.index(a) << 32 | providers.index(b);
        counts.increment(key);
      }
    }

    Iterator<Node[]> rows() {
      List<Node[]> rows = new ArrayList<>();
      counts.forEach(
          (key, count) ->
              rows.add(
                  new Node[] {
                    providers.node((int) (key >>> 32)),
                    providers.node((int) key),
                    NodeValue.makeInteger(count).asNode()
                  }));
      return rows.iterator();
    }
  }
}
