package org.newsgraph.link;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Normalises labels for matching: case, accents and punctuation do not count. Stateless. */
public final class LabelLib {

  private static final Set<String> STOPWORDS =
      Set.of("the", "a", "an", "of", "and", "in", "for", "on", "to");

  private LabelLib() {}

  /** Lower case, accents removed, every run of non-letters/digits one space, trimmed. */
  public static String normalize(String label) {
    String folded =
        Normalizer.normalize(label, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The words of a normalised label, without stopwords, in order. */
  public static Set<String> tokens(String normalized) {
    Set<String> out = new LinkedHashSet<>();
    for (String word : normalized.split(" ")) {
      if (!word.isEmpty() && !STOPWORDS.contains(word)) {
        out.add(word);
      }
    }
    return out;
  }

  /** Jaccard similarity of two token sets, 0 when either is empty. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    long common = a.stream().filter(b::contains).count();
    return (double) common / (a.size() + b.size() - common);
  }

  /**
   * The host of a website IRI without a leading {@code www.}, or null when it has none.
   *
   * @param iri an http(s) IRI
   */
  public static String host(String iri) {
    try {
      String host = java.net.URI.create(iri).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
