package org.newsgraph.infer;

/**
 * Two articles the inference found similar, the earlier first (publication order, ties broken by
 * IRI), so that a pair is named the same whichever was read first.
 *
 * @param earlier the article published first
 * @param later the other
 * @param score the similarity after the time decay, in [0, 1]
 * @param copy whether the later one repeats the earlier one's text
 */
public record Pair(Doc earlier, Doc later, double score, boolean copy) {

  /** Orders by score, highest first, then by the two IRIs: the order clustering takes pairs in. */
  public static int byStrength(Pair a, Pair b) {
    if (a.copy != b.copy) {
      return a.copy ? -1 : 1;
    }
    int byScore = Double.compare(b.score, a.score);
    if (byScore != 0) {
      return byScore;
    }
    int first = a.earlier.iri().compareTo(b.earlier.iri());
    return first != 0 ? first : a.later.iri().compareTo(b.later.iri());
  }
}
