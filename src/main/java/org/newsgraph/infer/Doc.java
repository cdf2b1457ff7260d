package org.newsgraph.infer;

/**
 * One article as the inference sees it: its IRI, its publication time and its text profile.
 *
 * @param iri the article's IRI
 * @param time its publication time, seconds since the epoch
 * @param profile its text profile
 */
public record Doc(String iri, long time, TextProfile profile) implements Comparable<Doc> {

  /** Publication order, ties broken by IRI: the order every inference step works in. */
  @Override
  public int compareTo(Doc other) {
    int byTime = Long.compare(time, other.time);
    return byTime != 0 ? byTime : iri.compareTo(other.iri);
  }
}
