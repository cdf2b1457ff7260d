package org.newsgraph.store.index;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.NodeValue;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.vocab.NewsVocab;

/**
 * {@code (?provider ?links ?missing) fn:dangling ()}: related links to articles not in the store,
 * by the cited article's provider, as {@code dangling} counts them. An article is in the store when
 * its own record graph ({@code …/graph/article/KEY} of the article {@code …/article/KEY}) types it
 * {@code news:Article}. A link counts once for each provider domain the citing graph gives the
 * cited article ({@code schema:publisher/news:domain} there), or once under no provider (a row with
 * {@code ?provider} unbound) when it gives none; {@code ?missing} counts distinct cited articles.
 *
 * <p>Four passes over the store, one a predicate (the links, the statements that type articles, the
 * providers each graph names and their domains there), each sorted in memory (16 to 24 bytes a
 * statement); each cited article's own graph is then looked up once, and a link's providers are
 * found in the sorted statements: no lookup in the store per link.
 */
final class Dangling extends IndexFunction {

  private static final Pattern ARTICLE = Pattern.compile("/article/([^/]+)$");

  /** The provider number of the links whose citing graph names no provider domain. */
  private static final int NONE = -1;

  Dangling() {
    super("dangling", 3, 0);
  }

  @Override
  Iterator<Node[]> rows(QuadIndex index, List<Node> given) {
    long type = index.id(NewsVocab.RDF_TYPE);
    long article = index.id(NewsVocab.ARTICLE);
    long publisher = index.id(NewsVocab.SCHEMA_PUBLISHER);
    long domain = index.id(NewsVocab.DOMAIN);
    LongTuples links = new LongTuples(3); // cited, graph, citing
    for (Iterator<long[]> it =
            index.find(QuadIndex.ANY, QuadIndex.ANY, index.id(NewsVocab.RELATED), QuadIndex.ANY);
        it.hasNext(); ) {
      long[] quad = it.next();
      if (quad[1] != quad[3]) {
        links.add(quad[3], quad[0], quad[1]);
      }
    }
    links.sortDistinct();
    // The links to missing articles: each cited article's own graph looked up once.
    BitSet missing = new BitSet(links.size());
    LongTuples graphs = new LongTuples(2); // graph, 0: the graphs of links to missing articles
    LongTuples typed = index.statements(type, article, 1, 0); // article, graph
    for (int i = 0; i < links.size(); ) {
      long cited = links.first(i);
      int end = run(links, i);
      if (!inStore(index, typed, cited)) {
        missing.set(i);
        for (int k = i; k < end; k++) {
          graphs.add(links.second(k), 0);
        }
      }
      index.checkCancel();
      i = end;
    }
    typed = null;
    graphs.sortDistinct();
    // The providers those graphs name, and their domains there: (graph, subject, object).
    LongTuples named =
        index.statements(publisher, QuadIndex.ANY, g -> graphs.indexOf(g) >= 0, 0, 1, 3);
    LongTuples domains =
        index.statements(domain, QuadIndex.ANY, g -> graphs.indexOf(g) >= 0, 0, 1, 3);

    Terms providers = new Terms(index);
    LongIntMap linkCounts = new LongIntMap();
    LongIntMap missingCounts = new LongIntMap();
    Set<Integer> reached = new HashSet<>();
    for (int i = missing.nextSetBit(0); i >= 0; i = missing.nextSetBit(i + 1)) {
      long cited = links.first(i);
      int end = run(links, i);
      reached.clear();
      for (int k = i; k < end; k++) {
        long graph = links.second(k);
        int rows = 0;
        for (int p = named.indexOf(graph, cited);
            p >= 0 && named.startsWith(p, graph, cited);
            p++) {
          long provider = named.get(p, 2);
          for (int d = domains.indexOf(graph, provider);
              d >= 0 && domains.startsWith(d, graph, provider);
              d++) {
            int number = providers.index(domains.get(d, 2));
            linkCounts.increment(number);
            reached.add(number);
            rows++;
          }
        }
        if (rows == 0) {
          linkCounts.increment(NONE);
          reached.add(NONE);
        }
      }
      for (int provider : reached) {
        missingCounts.increment(provider);
      }
      index.checkCancel();
    }
    List<Node[]> rows = new ArrayList<>();
    linkCounts.forEach(
        (provider, count) ->
            rows.add(
                new Node[] {
                  provider == NONE ? null : providers.node((int) provider),
                  NodeValue.makeInteger(count).asNode(),
                  NodeValue.makeInteger(missingCounts.get(provider)).asNode()
                }));
    return rows.iterator();
  }

  /**
   * Whether the article's own record graph types it {@code news:Article}, from the (article, graph)
   * pairs of such statements.
   */
  private static boolean inStore(QuadIndex index, LongTuples typed, long cited) {
    int first = typed.indexOf(cited);
    if (first < 0) {
      return false;
    }
    Node node = index.nodeOnce(cited);
    if (!node.isURI() && !node.isLiteral()) {
      return true; // STR() of a blank node is unbound: any graph then
    }
    String text = node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
    long own =
        index.idOnce(NodeFactory.createURI(ARTICLE.matcher(text).replaceAll("/graph/article/$1")));
    return own != QuadIndex.ABSENT && typed.indexOf(cited, own) >= 0;
  }

  /** The end of the run of links to one cited article that begins at {@code i}. */
  private static int run(LongTuples links, int i) {
    int end = i;
    while (end < links.size() && links.first(end) == links.first(i)) {
      end++;
    }
    return end;
  }
}
