package org.newsgraph.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Our labels, indexed for matching external labels and websites: by whole normalised label, by
 * word, and by provider domain. Holds only our topics and providers (thousands), never the external
 * file. Not thread-safe.
 */
final class LabelIndex {

  /**
   * Scores: an exact name match ranks above an exact alt-label match, which ranks above any partial
   * one.
   */
  static final double EXACT_PREF = 1.0;

  static final double EXACT_ALT = 0.9;
  static final double WEBSITE = 0.95;
  static final double PARTIAL_MAX = 0.7;
  static final double PARTIAL_MIN_JACCARD = 0.34;

  private record Entry(LocalLabel label, String normalized, Set<String> tokens) {}

  private final Map<String, List<Entry>> byLabel = new HashMap<>();
  private final Map<String, List<Entry>> byToken = new HashMap<>();
  private final Map<String, List<Node>> byDomain = new HashMap<>();

  void add(LocalLabel label) {
    if (label.kind().equals("domain")) {
      byDomain
          .computeIfAbsent(label.text().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
          .add(label.node());
    }
    String normalized = LabelLib.normalize(label.text());
    if (normalized.isEmpty()) {
      return;
    }
    Entry entry = new Entry(label, normalized, LabelLib.tokens(normalized));
    byLabel.computeIfAbsent(normalized, k -> new ArrayList<>()).add(entry);
    for (String token : entry.tokens()) {
      byToken.computeIfAbsent(token, k -> new ArrayList<>()).add(entry);
    }
  }

  boolean isEmpty() {
    return byLabel.isEmpty() && byDomain.isEmpty();
  }

  /**
   * Matches an external label.
   *
   * @param external the external resource
   * @param text its label
   * @param sink receives a candidate per matching node of ours
   */
  void matchLabel(Node external, String text, java.util.function.Consumer<Candidate> sink) {
    String normalized = LabelLib.normalize(text);
    if (normalized.isEmpty()) {
      return;
    }
    for (Entry e : byLabel.getOrDefault(normalized, List.of())) {
      boolean pref = e.label().kind().equals("pref");
      double score = pref ? EXACT_PREF : EXACT_ALT;
      sink.accept(
          new Candidate(
              e.label().node(),
              exactPredicate(e.label()),
              external,
              score,
              "exact label match: '" + text + "' = " + describe(e.label())));
    }
    Set<String> tokens = LabelLib.tokens(normalized);
    Map<Entry, Boolean> seen = new java.util.IdentityHashMap<>();
    for (String token : tokens) {
      for (Entry e : byToken.getOrDefault(token, List.of())) {
        if (seen.put(e, Boolean.TRUE) != null || e.normalized().equals(normalized)) {
          continue;
        }
        double jaccard = LabelLib.jaccard(tokens, e.tokens());
        if (jaccard >= PARTIAL_MIN_JACCARD) {
          sink.accept(
              new Candidate(
                  e.label().node(),
                  partialPredicate(e.label()),
                  external,
                  round(PARTIAL_MAX * jaccard),
                  "partial label match: '"
                      + text
                      + "' ~ "
                      + describe(e.label())
                      + " (word overlap "
                      + round(jaccard)
                      + ")"));
        }
      }
    }
  }

  /** Matches an external official website against provider domains. */
  void matchWebsite(Node external, String website, java.util.function.Consumer<Candidate> sink) {
    String host = LabelLib.host(website);
    if (host == null) {
      return;
    }
    for (Node provider : byDomain.getOrDefault(host, List.of())) {
      sink.accept(
          new Candidate(
              provider,
              LinkVocab.SAME_AS,
              external,
              WEBSITE,
              "official website " + website + " is on the provider domain " + host));
    }
  }

  private static Node exactPredicate(LocalLabel label) {
    return label.provider() ? LinkVocab.SAME_AS : LinkVocab.EXACT_MATCH;
  }

  private static Node partialPredicate(LocalLabel label) {
    return label.provider() ? LinkVocab.SAME_AS : LinkVocab.CLOSE_MATCH;
  }

  private static String describe(LocalLabel label) {
    return label.kind() + " label '" + label.text() + "'";
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
