package org.newsgraph.store.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.NodeCmp;
import org.newsgraph.vocab.NewsVocab;

/**
 * {@code (?kind ?article ?other ?count ?urls) fn:duplicates ()}: the rows of {@code duplicates}.
 * Kind "urls": an article ({@code a news:Article}) known under several {@code schema:url} values,
 * their number and their text joined by spaces, in the order of their ids (the order in which the
 * store's index gives them to the catalog form). Kind "same-article": two distinct subjects whose
 * web, original, AMP or AMP-cache URLs share a value, the one with the smaller IRI first, the
 * number of values they share and the smallest as text.
 *
 * <p>One pass over each of the four URL predicates, sorted in memory by URL (16 bytes a statement);
 * only the subjects of shared URLs are read from the store.
 */
final class Duplicates extends IndexFunction {

  private static final List<Node> URLS =
      List.of(
          NewsVocab.SCHEMA_URL, NewsVocab.ORIGINAL_URL, NewsVocab.AMP_URL, NewsVocab.CDN_AMP_URL);

  Duplicates() {
    super("duplicates", 5, 0);
  }

  @Override
  Iterator<Node[]> rows(QuadIndex index, List<Node> given) {
    List<Node[]> shared = new ArrayList<>();
    sharedUrls(index, shared);
    shared.sort(
        Comparator.<Node[]>comparingLong(row -> -count(row))
            .thenComparing(row -> row[1], NodeCmp::compareRDFTerms)
            .thenComparing(row -> row[2], NodeCmp::compareRDFTerms));
    // "same-article" sorts before "urls": its rows first, then the others as they are asked for.
    Iterator<Node[]> several = severalUrls(index);
    return new Iterator<>() {
      private final Iterator<Node[]> first = shared.iterator();

      @Override
      public boolean hasNext() {
        return first.hasNext() || several.hasNext();
      }

      @Override
      public Node[] next() {
        return first.hasNext() ? first.next() : several.next();
      }
    };
  }

  private static long count(Node[] row) {
    return Long.parseLong(row[3].getLiteralLexicalForm());
  }

  /**
   * The "urls" rows, ranked as the catalog form orders them (most URLs first, then by article),
   * made as they are asked for: the articles of one number of URLs are read from the store when the
   * first of them is asked for, and an article's URLs when its row is, so that a limit spares the
   * reading of the rows it leaves out.
   */
  private static Iterator<Node[]> severalUrls(QuadIndex index) {
    // (article, article): indexOf finds an article by its first value
    LongTuples articles =
        index.statements(index.id(NewsVocab.RDF_TYPE), index.id(NewsVocab.ARTICLE), 1, 1);
    LongTuples urls =
        index.statements(index.id(NewsVocab.SCHEMA_URL), QuadIndex.ANY, 1, 3); // article, url
    // The articles of several URLs, by their number of URLs: (-count, first tuple of their URLs).
    LongTuples several = new LongTuples(2);
    for (int i = 0; i < urls.size(); ) {
      long article = urls.first(i);
      int end = i;
      while (end < urls.size() && urls.first(end) == article) {
        end++;
      }
      if (end - i > 1 && articles.indexOf(article) >= 0) {
        several.add(-(end - i), i);
      }
      index.checkCancel();
      i = end;
    }
    several.sortDistinct();
    Node kind = NodeFactory.createLiteralString("urls");
    return new Iterator<>() {
      private int next;
      private final List<Pending> group = new ArrayList<>();
      private int inGroup;

      @Override
      public boolean hasNext() {
        return inGroup < group.size() || next < several.size();
      }

      @Override
      public Node[] next() {
        if (inGroup == group.size()) {
          readGroup();
        }
        Pending row = group.get(inGroup++);
        Set<String> texts = new LinkedHashSet<>();
        for (int k = row.start();
            k < urls.size() && urls.first(k) == urls.first(row.start());
            k++) {
          texts.add(text(index.nodeOnce(urls.second(k))));
        }
        return new Node[] {
          kind,
          row.article(),
          null,
          NodeValue.makeInteger(row.count()).asNode(),
          NodeFactory.createLiteralString(String.join(" ", texts))
        };
      }

      /** The articles of the next number of URLs, by article; their URLs are read later. */
      private void readGroup() {
        group.clear();
        inGroup = 0;
        long count = several.first(next);
        for (; next < several.size() && several.first(next) == count; next++) {
          int start = (int) several.second(next);
          group.add(new Pending(index.nodeOnce(urls.first(start)), -count, start));
          index.checkCancel();
        }
        group.sort(Comparator.comparing(Pending::article, NodeCmp::compareRDFTerms));
      }
    };
  }

  /** A "urls" row before its URLs are read: where they begin in the sorted (article, url) list. */
  private record Pending(Node article, long count, int start) {}

  private static void sharedUrls(QuadIndex index, List<Node[]> rows) {
    LongTuples statements = new LongTuples(2); // url, subject
    for (Node predicate : URLS) {
      for (Iterator<long[]> it =
              index.find(QuadIndex.ANY, QuadIndex.ANY, index.id(predicate), QuadIndex.ANY);
          it.hasNext(); ) {
        long[] quad = it.next();
        statements.add(quad[3], quad[1]);
      }
    }
    statements.sortDistinct();
    Map<List<Long>, Shared> pairs = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (int i = 0; i < statements.size(); ) {
      long url = statements.first(i);
      int end = i;
      while (end < statements.size() && statements.first(end) == url) {
        end++;
      }
      if (end - i > 1) {
        String urlText = text(index.nodeOnce(url));
        for (int a = i; a < end; a++) {
          for (int b = i; b < end; b++) {
            long x = statements.second(a);
            long y = statements.second(b);
            String xName = names.computeIfAbsent(x, id -> text(index.nodeOnce(id)));
            String yName = names.computeIfAbsent(y, id -> text(index.nodeOnce(id)));
            if (xName != null && yName != null && xName.compareTo(yName) < 0) {
              pairs.computeIfAbsent(List.of(x, y), p -> new Shared()).add(urlText);
            }
          }
        }
      }
      index.checkCancel();
      i = end;
    }
    Node kind = NodeFactory.createLiteralString("same-article");
    pairs.forEach(
        (pair, shared) ->
            rows.add(
                new Node[] {
                  kind,
                  index.node(pair.get(0)),
                  index.node(pair.get(1)),
                  NodeValue.makeInteger(shared.count).asNode(),
                  shared.least == null ? null : NodeFactory.createLiteralString(shared.least)
                }));
  }

  /** {@code STR()} of a term: an IRI's text or a literal's lexical form; null for a blank node. */
  private static String text(Node node) {
    return node.isURI() ? node.getURI() : node.isLiteral() ? node.getLiteralLexicalForm() : null;
  }

  /** The URLs two subjects share: how many, and the least as text. */
  private static final class Shared {
    int count;
    String least;

    void add(String url) {
      count++;
      if (url != null && (least == null || url.compareTo(least) < 0)) {
        least = url;
      }
    }
  }
}
