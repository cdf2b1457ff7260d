package org.newsgraph.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.newsgraph.store.GraphContent;

/**
 * The merge rule of descriptions of one record graph, in one place: the graph holds the union of
 * every description's multi-valued facts and the single-valued facts of the description that ranks
 * first by {@link Description.Precedence}. Stateless.
 */
final class Merge {

  /**
   * How far apart two publication times of one article may be before they count as a conflict:
   * aggregators' copies of one record often differ by minutes or hours (time zones, re-crawls);
   * more than a day apart is a real disagreement.
   */
  static final long DAY_MILLIS = 86_400_000L;

  private Merge() {}

  /**
   * The content of a graph from all its current descriptions, in any order.
   *
   * @param graph the graph
   * @param descriptions at least one description of it
   */
  static GraphContent of(Node graph, List<Description> descriptions) {
    Description winner = winner(descriptions);
    Set<Triple> triples = new LinkedHashSet<>();
    for (Description d : descriptions) {
      triples.addAll(d.shared());
    }
    triples.addAll(winner.own());
    return new GraphContent(graph, new ArrayList<>(triples));
  }

  /**
   * The multi-valued facts of descriptions, each once (for a bulk load, which adds the winner's
   * later).
   */
  static GraphContent shared(Node graph, List<Description> descriptions) {
    if (descriptions.size() == 1) {
      return new GraphContent(graph, descriptions.get(0).shared());
    }
    Set<Triple> triples = new LinkedHashSet<>();
    descriptions.forEach(d -> triples.addAll(d.shared()));
    return new GraphContent(graph, new ArrayList<>(triples));
  }

  /** The description whose single-valued facts are kept. */
  static Description winner(List<Description> descriptions) {
    return descriptions.stream().min(Comparator.comparing(Description::precedence)).orElseThrow();
  }

  /**
   * What descriptions of one article disagree on that a merge cannot reconcile: the publication
   * time (more than {@link #DAY_MILLIS} apart) or the provider (compared ignoring case). Compares
   * each description with the first by path.
   *
   * @return "publication time … in A, … in B; provider … in A, … in B", or null when they agree
   */
  static String conflict(List<Description> descriptions) {
    List<Description> byPath = new ArrayList<>(descriptions);
    byPath.sort(
        Comparator.comparing((Description d) -> d.precedence().path())
            .thenComparingInt(d -> d.precedence().line()));
    Description first = byPath.get(0);
    long firstTime = first.published();
    for (Description d : byPath.subList(1, byPath.size())) {
      List<String> parts = new ArrayList<>();
      long time = d.published();
      if (firstTime != Long.MIN_VALUE
          && time != Long.MIN_VALUE
          && Math.abs(time - firstTime) > DAY_MILLIS) {
        parts.add(
            "publication time "
                + Description.Precedence.timeText(firstTime)
                + " in "
                + FileWork.displayName(first.precedence().path())
                + ", "
                + Description.Precedence.timeText(time)
                + " in "
                + FileWork.displayName(d.precedence().path()));
      }
      if (first.provider() != null
          && d.provider() != null
          && !first
              .provider()
              .toLowerCase(Locale.ROOT)
              .equals(d.provider().toLowerCase(Locale.ROOT))) {
        parts.add(
            "provider "
                + first.provider().toLowerCase(Locale.ROOT)
                + " in "
                + FileWork.displayName(first.precedence().path())
                + ", "
                + d.provider().toLowerCase(Locale.ROOT)
                + " in "
                + FileWork.displayName(d.precedence().path()));
      }
      if (!parts.isEmpty()) {
        return String.join("; ", parts);
      }
    }
    return null;
  }
}
