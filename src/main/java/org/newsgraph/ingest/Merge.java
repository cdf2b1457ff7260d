package org.newsgraph.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
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
    for (Description d : byPath.subList(1, byPath.size())) {
      String text =
          disagreement(
              first.published(),
              first.provider(),
              first.precedence().path(),
              d.published(),
              d.provider(),
              d.precedence().path());
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  /**
   * What two descriptions of one article disagree on, as text naming both values and both files.
   *
   * @param timeA publication time of the first, epoch milliseconds, or {@link Long#MIN_VALUE}
   * @param providerA its provider's domain, or null
   * @param pathA its file, absolute
   * @return the disagreement, or null when they agree on both
   */
  static String disagreement(
      long timeA, String providerA, String pathA, long timeB, String providerB, String pathB) {
    String a = FileWork.displayName(pathA);
    String b = FileWork.displayName(pathB);
    List<String> parts = new ArrayList<>(2);
    if (timeA != Long.MIN_VALUE
        && timeB != Long.MIN_VALUE
        && Math.abs(timeA - timeB) > DAY_MILLIS) {
      parts.add(
          "publication time "
              + Description.Precedence.timeText(timeA)
              + " in "
              + a
              + ", "
              + Description.Precedence.timeText(timeB)
              + " in "
              + b);
    }
    if (providerA != null && providerB != null && !providerA.equalsIgnoreCase(providerB)) {
      parts.add(
          "provider "
              + providerA.toLowerCase(Locale.ROOT)
              + " in "
              + a
              + ", "
              + providerB.toLowerCase(Locale.ROOT)
              + " in "
              + b);
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /** The one warning for an article whose descriptions disagree, at a description's position. */
  static Problem warning(String file, Description.Precedence at, String disagreement) {
    return Problem.warning(
        file,
        new Position(at.line(), at.column()),
        "descriptions of one article disagree ("
            + disagreement
            + "); the merge keeps one of them, see 'One article, many descriptions' in"
            + " docs/store.md");
  }
}
