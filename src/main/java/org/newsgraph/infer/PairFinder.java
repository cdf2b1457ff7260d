package org.newsgraph.infer;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds every pair of articles within the time window whose score reaches the threshold (or whose
 * texts are copies), without comparing all pairs: articles arrive in publication order, the window
 * behind the newest is kept with an inverted index of its terms, and a new article is scored only
 * against the articles that share a term with it. A pair's score depends on the two articles alone,
 * so the pairs found do not depend on which other articles exist or in what order files were read.
 * Memory is the window's articles. Not thread-safe.
 */
public final class PairFinder {

  private final InferenceSettings settings;
  private final Consumer<Pair> sink;
  private final ArrayDeque<Doc> window = new ArrayDeque<>();
  private final Map<Long, ArrayDeque<Doc>> postings = new HashMap<>();
  private Doc last;

  /**
   * @param settings the window, threshold and copy rule
   * @param sink receives each pair once
   */
  public PairFinder(InferenceSettings settings, Consumer<Pair> sink) {
    this.settings = settings;
    this.sink = sink;
  }

  /**
   * Adds the next article, in publication order ({@link Doc#compareTo}), and reports its pairs with
   * the articles before it in the window.
   *
   * @throws IllegalArgumentException when the article comes before the previous one
   */
  public void add(Doc doc) {
    if (last != null && doc.compareTo(last) < 0) {
      throw new IllegalArgumentException("articles must come in publication order");
    }
    last = doc;
    evictBefore(doc.time() - settings.windowSeconds());
    for (Doc other : candidates(doc)) {
      Pair pair = compare(other, doc, settings);
      if (pair != null) {
        sink.accept(pair);
      }
    }
    window.addLast(doc);
    for (long term : doc.profile().terms()) {
      postings.computeIfAbsent(term, t -> new ArrayDeque<>()).addLast(doc);
    }
  }

  /**
   * Scores one pair, or null when it is neither similar enough nor a copy, or is outside the
   * window.
   *
   * @param a one article
   * @param b the other
   */
  public static Pair compare(Doc a, Doc b, InferenceSettings settings) {
    if (a.iri().equals(b.iri()) || a.profile().isEmpty() || b.profile().isEmpty()) {
      return null;
    }
    long gap = Math.abs(a.time() - b.time());
    if (gap > settings.windowSeconds()) {
      return null;
    }
    double score = settings.score(a.profile().cosine(b.profile()), gap);
    boolean copy = a.profile().containment(b.profile()) >= settings.copyContainment();
    if (score < settings.threshold() && !copy) {
      return null;
    }
    return a.compareTo(b) <= 0 ? new Pair(a, b, score, copy) : new Pair(b, a, score, copy);
  }

  private Iterable<Doc> candidates(Doc doc) {
    Map<Doc, Boolean> seen = new IdentityHashMap<>();
    for (long term : doc.profile().terms()) {
      ArrayDeque<Doc> list = postings.get(term);
      if (list != null) {
        for (Doc other : list) {
          seen.put(other, Boolean.TRUE);
        }
      }
    }
    return seen.keySet();
  }

  private void evictBefore(long time) {
    while (!window.isEmpty() && window.peekFirst().time() < time) {
      Doc old = window.pollFirst();
      for (long term : old.profile().terms()) {
        ArrayDeque<Doc> list = postings.get(term);
        list.pollFirst(); // postings are in publication order, so the oldest is first
        if (list.isEmpty()) {
          postings.remove(term);
        }
      }
    }
  }
}
