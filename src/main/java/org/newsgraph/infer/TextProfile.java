package org.newsgraph.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What the inference compares of one article: its terms (Lucene's English analysis: standard
 * tokenizer, possessives, lower case, English stop words, Porter stemming) as a unit-length
 * weighted vector, and the shingles of its running text (hashes of every run of {@value #SHINGLE}
 * words, stop words kept) that tell a copy from a rewrite. Terms and shingles are 64-bit hashes of
 * the words, sorted, so that a profile depends on the article's text alone and two profiles compare
 * by a merge. Immutable.
 *
 * @param terms the term hashes, ascending
 * @param weights each term's weight, the vector having unit length
 * @param shingles the shingle hashes, ascending and distinct
 */
public record TextProfile(long[] terms, float[] weights, long[] shingles) {

  /** Words per shingle. */
  public static final int SHINGLE = 5;

  /** A profile with no text: similar to nothing. */
  public static final TextProfile EMPTY = new TextProfile(new long[0], new float[0], new long[0]);

  /** Whether there is nothing to compare. */
  public boolean isEmpty() {
    return terms.length == 0;
  }

  /**
   * A 64-bit hash of the whole profile (terms, weights and shingles): equal for two articles whose
   * texts analyse to the same profile (the same text, or one differing only in case, punctuation or
   * stop words), and 0 for an empty profile. The inference links the repeats of one text to its
   * earliest article only ({@link PairFinder}).
   */
  public long fingerprint() {
    if (isEmpty()) {
      return 0;
    }
    long h = 0x9E3779B97F4A7C15L ^ terms.length;
    for (int i = 0; i < terms.length; i++) {
      h = mix(h ^ terms[i]);
      h = mix(h ^ Float.floatToIntBits(weights[i]));
    }
    h = mix(h ^ shingles.length);
    for (long s : shingles) {
      h = mix(h ^ s);
    }
    return h == 0 ? 1 : h;
  }

  private static long mix(long h) {
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 29);
  }

  /** The cosine of two profiles' term vectors, in [0, 1]. */
  public double cosine(TextProfile other) {
    double dot = 0;
    int i = 0;
    int j = 0;
    long[] a = terms;
    long[] b = other.terms;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        dot += weights[i] * other.weights[j];
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, dot);
  }

  /**
   * How much of the shorter text the longer one repeats: shared shingles over the shingles of the
   * text with fewer, in [0, 1]; 0 when either has none.
   */
  public double containment(TextProfile other) {
    int smaller = Math.min(shingles.length, other.shingles.length);
    return smaller == 0 ? 0 : (double) sharedShingles(other, 0) / smaller;
  }

  /**
   * Whether {@link #containment} reaches a level, stopping as soon as the shingles left to compare
   * could no longer reach it: the same answer, mostly without walking both lists to their ends.
   */
  public boolean contains(TextProfile other, double level) {
    int smaller = Math.min(shingles.length, other.shingles.length);
    if (smaller == 0) {
      return 0 >= level;
    }
    // The fewest shared shingles that reach the level (the division below decides exactly).
    int need = (int) Math.floor(level * smaller) - 1;
    int shared = sharedShingles(other, Math.max(0, need));
    return (double) shared / smaller >= level;
  }

  /**
   * Counts the shingles the two profiles share; with {@code need} above 0, stops (returning a count
   * below {@code need}) once fewer than {@code need} could be shared in all.
   */
  private int sharedShingles(TextProfile other, int need) {
    long[] a = shingles;
    long[] b = other.shingles;
    int shared = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (need > 0 && shared + Math.min(a.length - i, b.length - j) < need) {
        return shared;
      }
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** Builds profiles; one per thread (Lucene analyzers reuse their token streams per thread). */
  public static final class Builder implements AutoCloseable {

    private final Analyzer terms = new EnglishAnalyzer();
    private final Analyzer words =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
          }
        };
    private final double headlineWeight;
    private final int bodyChars;

    /**
     * @param headlineWeight how much a headline's term counts against an excerpt's or body's
     * @param bodyChars how much of a body text is read (0: none)
     */
    public Builder(double headlineWeight, int bodyChars) {
      this.headlineWeight = headlineWeight;
      this.bodyChars = bodyChars;
    }

    /**
     * The profile of an article's texts; any may be null.
     *
     * @param headline its headline
     * @param excerpt its excerpt
     * @param body its body text, read up to the builder's cap
     */
    public TextProfile profile(String headline, String excerpt, String body) {
      // Term hash -> weighted count; counts are sums of 1 and the headline weight, exact in a
      // double,
      // so the order terms come in does not change them.
      Map<Long, Double> counts = new HashMap<>();
      count(headline, headlineWeight, counts);
      count(excerpt, 1.0, counts);
      String cappedBody =
          body == null || bodyChars == 0
              ? null
              : body.substring(0, Math.min(body.length(), bodyChars));
      count(cappedBody, 1.0, counts);
      if (counts.isEmpty()) {
        return EMPTY;
      }
      long[] keys = new long[counts.size()];
      int n = 0;
      for (long key : counts.keySet()) {
        keys[n++] = key;
      }
      Arrays.sort(keys);
      float[] weights = new float[keys.length];
      double norm = 0;
      for (int i = 0; i < keys.length; i++) {
        double w = 1 + Math.log(counts.get(keys[i]));
        weights[i] = (float) w;
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < weights.length; i++) {
        weights[i] = (float) (weights[i] / norm);
      }
      return new TextProfile(keys, weights, shingles(excerpt, cappedBody));
    }

    private void count(String text, double weight, Map<Long, Double> counts) {
      if (text == null || text.isBlank()) {
        return;
      }
      for (String term : tokens(terms, text)) {
        counts.merge(hash(term), weight, Double::sum);
      }
    }

    private long[] shingles(String excerpt, String body) {
      String text = (excerpt == null ? "" : excerpt) + " " + (body == null ? "" : body);
      String[] tokens = tokens(words, text);
      if (tokens.length < SHINGLE) {
        return new long[0];
      }
      long[] out = new long[tokens.length - SHINGLE + 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = hash(String.join(" ", Arrays.copyOfRange(tokens, i, i + SHINGLE)));
      }
      return Arrays.stream(out).sorted().distinct().toArray();
    }

    private static String[] tokens(Analyzer analyzer, String text) {
      try (TokenStream stream = analyzer.tokenStream("text", text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        java.util.List<String> out = new java.util.ArrayList<>();
        while (stream.incrementToken()) {
          out.add(term.toString());
        }
        stream.end();
        return out.toArray(String[]::new);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringReader does not fail
      }
    }

    @Override
    public void close() {
      terms.close();
      words.close();
    }
  }

  /** A 64-bit FNV-1a hash of a word's UTF-8 bytes, stable across runs and machines. */
  static long hash(String word) {
    long h = 0xcbf29ce484222325L;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
