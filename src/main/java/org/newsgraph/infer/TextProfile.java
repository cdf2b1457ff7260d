package org.newsgraph.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

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
 * @param headline the headline's terms in the order they come, each an index into {@code terms},
 *     with {@link #NAME} set where the word may be a name: it begins with a capital letter, does
 *     not follow the end of a sentence inside the headline, and the headline is not written in
 *     title case (at most {@value #HEADLINE} terms)
 */
public record TextProfile(long[] terms, float[] weights, long[] shingles, short[] headline) {

  /** The mark of a headline term whose word is a name (see {@link #headline()}). */
  public static final short NAME = (short) 0x8000;

  /** The most headline terms a profile keeps. */
  public static final int HEADLINE = 64;

  /**
   * The least share of the longer headline's terms that two headlines must have in the same order
   * to be taken for one template ({@link #sameTemplateOtherSubject}).
   */
  static final double TEMPLATE_SHARE = 0.6;

  /** A profile without headline terms. */
  public TextProfile(long[] terms, float[] weights, long[] shingles) {
    this(terms, weights, shingles, new short[0]);
  }

  /** Words per shingle. */
  public static final int SHINGLE = 5;

  /** A profile with no text: similar to nothing. */
  public static final TextProfile EMPTY = new TextProfile(new long[0], new float[0], new long[0]);

  /**
   * Whether two headlines are one template filled in for two subjects: most of their terms are the
   * same and come in the same order (at least {@value #TEMPLATE_SHARE} of the longer one's, and at
   * least three), and each names someone or something that the other article's text never mentions
   * (a capitalised word; a headline in title case names nothing this way, and numbers do not count:
   * two outlets' counts of one event differ). "Acme raises $37 million in Series A round to expand
   * AI platform in Berlin" and "Globex raises $12 million in Series A round to expand AI platform
   * in Paris" are; a re-published release (the same headline), or two outlets' headlines on one
   * company's news, are not. Such a pair is neither similar nor a copy, whatever its cosine.
   */
  public boolean sameTemplateOtherSubject(TextProfile other) {
    short[] a = headline;
    short[] b = other.headline;
    if (a.length < 3 || b.length < 3) {
      return false;
    }
    int common = commonInOrder(other);
    if (common < 3 || common < TEMPLATE_SHARE * Math.max(a.length, b.length)) {
      return false;
    }
    return namesWhatTheOtherDoesNot(other) && other.namesWhatTheOtherDoesNot(this);
  }

  /** The length of the longest common subsequence of the two headlines' terms. */
  private int commonInOrder(TextProfile other) {
    short[] a = headline;
    short[] b = other.headline;
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      long term = terms[a[i - 1] & ~NAME];
      for (int j = 1; j <= b.length; j++) {
        current[j] =
            term == other.terms[b[j - 1] & ~NAME]
                ? previous[j - 1] + 1
                : Math.max(previous[j], current[j - 1]);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length];
  }

  /** Whether a name of this headline is nowhere in the other article's terms. */
  private boolean namesWhatTheOtherDoesNot(TextProfile other) {
    for (short h : headline) {
      if ((h & NAME) != 0 && Arrays.binarySearch(other.terms, terms[h & ~NAME]) < 0) {
        return true;
      }
    }
    return false;
  }

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

    /**
     * The analysis of {@link EnglishAnalyzer} (standard tokenizer, English possessives, lower case,
     * English stop words, Porter stemming), with each term flagged when its word was a name or a
     * number before the lower-casing: the headline's terms in order.
     */
    private final Analyzer marked =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream chain = new EnglishPossessiveFilter(source);
            chain = new NameMarks(chain);
            chain = new LowerCaseFilter(chain);
            chain = new StopFilter(chain, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            chain = new PorterStemFilter(chain);
            return new TokenStreamComponents(source, chain);
          }
        };

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
      return new TextProfile(
          keys, weights, shingles(excerpt, cappedBody), headline(headline, keys));
    }

    /** The headline's terms in order, as indexes into the sorted term hashes, names marked. */
    private short[] headline(String headline, long[] keys) {
      if (headline == null || headline.isBlank()) {
        return new short[0];
      }
      boolean titleCase = titleCase(headline);
      short[] out = new short[HEADLINE];
      int n = 0;
      try (TokenStream stream = marked.tokenStream("headline", headline)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        FlagsAttribute flags = stream.addAttribute(FlagsAttribute.class);
        OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        int previousEnd = 0;
        while (n < HEADLINE && stream.incrementToken()) {
          // A capital after the end of a sentence within the headline ("… on Thursday. Here's
          // how") tells nothing; the headline's first word may be its subject.
          boolean sentenceStart =
              previousEnd > 0 && endsSentence(headline, previousEnd, offsets.startOffset());
          previousEnd = offsets.endOffset();
          int at = Arrays.binarySearch(keys, hash(term.toString()));
          if (at >= 0 && at <= Short.MAX_VALUE) {
            boolean name = flags.getFlags() != 0 && !titleCase && !sentenceStart;
            out[n++] = (short) (at | (name ? NAME : 0));
          }
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringReader does not fail
      }
      return Arrays.copyOf(out, n);
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
      marked.close();
      terms.close();
      words.close();
    }
  }

  /** Whether the text between two words holds the end of a sentence or a separator. */
  private static boolean endsSentence(String text, int from, int to) {
    for (int i = from; i < Math.min(to, text.length()); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '?' || c == '!' || c == '|') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a headline is written in title case, where a capital tells nothing: more than half of
   * its words after the first (runs of letters and digits separated by spaces) begin with a capital
   * letter.
   */
  static boolean titleCase(String headline) {
    String[] words = headline.trim().split("\\s+");
    int letters = 0;
    int capitals = 0;
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty() && Character.isLetter(words[i].charAt(0))) {
        letters++;
        if (Character.isUpperCase(words[i].charAt(0))) {
          capitals++;
        }
      }
    }
    return letters > 0 && 2 * capitals > letters;
  }

  /** Flags (1) a word that begins with a capital letter. */
  private static final class NameMarks extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);

    NameMarks(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      flags.setFlags(term.length() > 0 && Character.isUpperCase(term.charAt(0)) ? 1 : 0);
      return true;
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
