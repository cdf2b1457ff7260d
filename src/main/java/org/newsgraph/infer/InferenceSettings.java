package org.newsgraph.infer;

import java.time.Duration;
import java.util.Locale;

/**
 * The settings of link inference; every figure is recorded with the links it made. The defaults
 * were chosen on the shared corpus's aggregator clusters and are documented with their scores in
 * docs/stories.md.
 *
 * @param window how far apart in publication time two articles may be and still be compared
 * @param threshold the least similarity of a same-story pair (cosine of the term vectors, lowered
 *     by the time decay)
 * @param decay how much of the similarity a pair loses at the edge of the window, linearly from
 *     none at the same moment: {@code score = cosine × (1 − decay × gap / window)}
 * @param headlineWeight how much a headline's term counts against an excerpt's or body's
 * @param copyContainment the least share of the shorter text's shingles the other repeats for a
 *     pair to be a copy (republished text)
 * @param bodyChars how much of an article's body text is read
 * @param neighbours how many pairs each article keeps with articles published before it, the
 *     strongest (copies first, then by score): a bound on the pairs of a dense window, such as
 *     thousands of releases written from one template in one week
 */
public record InferenceSettings(
    Duration window,
    double threshold,
    double decay,
    double headlineWeight,
    double copyContainment,
    int bodyChars,
    int neighbours) {

  /**
   * The defaults: 7 days, 0.325, decay 0.3, headline ×2, copies at 0.6, 2000 body characters, 10
   * earlier neighbours.
   */
  public static final InferenceSettings DEFAULTS =
      new InferenceSettings(Duration.ofDays(7), 0.325, 0.3, 2.0, 0.6, 2000, 10);

  /** Checks the ranges. */
  public InferenceSettings {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the window must be positive, not " + window);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the threshold must be in (0, 1], not " + threshold);
    }
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("the decay must be in [0, 1), not " + decay);
    }
    if (!(copyContainment > 0 && copyContainment <= 1)) {
      throw new IllegalArgumentException(
          "the copy containment must be in (0, 1], not " + copyContainment);
    }
    if (headlineWeight <= 0 || bodyChars < 0) {
      throw new IllegalArgumentException("the headline weight and body length must be positive");
    }
    if (neighbours < 1) {
      throw new IllegalArgumentException(
          "an article must keep at least one earlier neighbour, not " + neighbours);
    }
  }

  /** These settings with another time window. */
  public InferenceSettings withWindow(Duration other) {
    return new InferenceSettings(
        other, threshold, decay, headlineWeight, copyContainment, bodyChars, neighbours);
  }

  /** These settings with another threshold. */
  public InferenceSettings withThreshold(double other) {
    return new InferenceSettings(
        window, other, decay, headlineWeight, copyContainment, bodyChars, neighbours);
  }

  /** These settings with another number of earlier neighbours kept per article. */
  public InferenceSettings withNeighbours(int other) {
    return new InferenceSettings(
        window, threshold, decay, headlineWeight, copyContainment, bodyChars, other);
  }

  /** The window in seconds. */
  public long windowSeconds() {
    return window.toSeconds();
  }

  /** The score of a pair from its cosine and the gap between the publication times. */
  public double score(double cosine, long gapSeconds) {
    double edge = Math.min(1.0, Math.abs(gapSeconds) / (double) windowSeconds());
    return cosine * (1 - decay * edge);
  }

  /** A one-line description for provenance and reports. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "cosine of Lucene English terms (headline x%s, excerpt, body up to %d chars),"
            + " window %d days, decay %s, threshold %s, copies at %s shingle containment,"
            + " %d strongest pairs with earlier articles kept per article",
        trim(headlineWeight),
        bodyChars,
        window.toDays(),
        trim(decay),
        trim(threshold),
        trim(copyContainment),
        neighbours);
  }

  /** A new profile builder with these settings; one per thread. */
  public TextProfile.Builder profiles() {
    return new TextProfile.Builder(headlineWeight, bodyChars);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
