package org.newsgraph.infer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which similar pairs become same-story links, so that a story does not grow into a topic
 * by chaining: pairs are taken strongest first (copies, then by score, then by IRI) and join their
 * two groups only when the groups' centroids (the sums of their members' unit term vectors) are
 * themselves at least as similar as the threshold. Two single articles join on their pair alone; an
 * article joins a group only when it is similar to the group as a whole, not to one member at its
 * edge. Copies always join. A pair is a same-story link when both its articles end in one group.
 *
 * <p>The result depends only on the pairs given (their articles, scores and IRIs), never on the
 * order they come in. Copies are grouped apart: every copy links to the earliest article of its
 * group of copies.
 */
public final class StoryRule {

  private StoryRule() {}

  /**
   * The outcome.
   *
   * @param sameStory the pairs kept as same-story links
   * @param copies each copy and the earliest article whose text it repeats (later → earliest)
   */
  public record Result(List<Pair> sameStory, Map<Doc, Doc> copies) {}

  /**
   * Applies the rule to the pairs of one or more groups of linked articles.
   *
   * @param pairs the similar pairs, each once
   * @param threshold the least centroid similarity for two groups to join
   */
  public static Result apply(Collection<Pair> pairs, double threshold) {
    List<Pair> ordered = new ArrayList<>(pairs);
    ordered.sort(Pair::byStrength);
    Map<String, Group> groups = new HashMap<>();
    for (Pair pair : ordered) {
      Group a = groups.computeIfAbsent(pair.earlier().iri(), k -> new Group(pair.earlier()));
      Group b = groups.computeIfAbsent(pair.later().iri(), k -> new Group(pair.later()));
      if (a == b) {
        continue;
      }
      if (pair.copy() || a.size() + b.size() == 2 || a.cosine(b) >= threshold) {
        Group into = a.size() >= b.size() ? a : b;
        Group from = into == a ? b : a;
        into.absorb(from);
        for (Doc member : from.members) {
          groups.put(member.iri(), into);
        }
      }
    }
    List<Pair> kept = new ArrayList<>();
    for (Pair pair : ordered) {
      if (groups.get(pair.earlier().iri()) == groups.get(pair.later().iri())) {
        kept.add(pair);
      }
    }
    return new Result(kept, copies(ordered));
  }

  private static Map<Doc, Doc> copies(List<Pair> ordered) {
    Map<String, String> parent = new HashMap<>();
    Map<String, Doc> docs = new HashMap<>();
    for (Pair pair : ordered) {
      if (pair.copy()) {
        docs.put(pair.earlier().iri(), pair.earlier());
        docs.put(pair.later().iri(), pair.later());
        union(parent, pair.earlier().iri(), pair.later().iri());
      }
    }
    Map<String, Doc> earliest = new HashMap<>();
    for (Doc doc : docs.values()) {
      earliest.merge(find(parent, doc.iri()), doc, (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    Map<Doc, Doc> out = new TreeMap<>();
    for (Doc doc : docs.values()) {
      Doc first = earliest.get(find(parent, doc.iri()));
      if (first != doc) {
        out.put(doc, first);
      }
    }
    return out;
  }

  private static String find(Map<String, String> parent, String x) {
    String root = x;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  /** A group being formed: its members and the sum of their unit term vectors. */
  private static final class Group {
    final List<Doc> members = new ArrayList<>();
    final Map<Long, Double> sum = new HashMap<>();
    private double norm = -1; // computed when asked, forgotten when the sum changes

    Group(Doc doc) {
      add(doc);
    }

    int size() {
      return members.size();
    }

    void add(Doc doc) {
      members.add(doc);
      norm = -1;
      TextProfile p = doc.profile();
      for (int i = 0; i < p.terms().length; i++) {
        sum.merge(p.terms()[i], (double) p.weights()[i], Double::sum);
      }
    }

    void absorb(Group other) {
      members.addAll(other.members);
      norm = -1;
      other.sum.forEach((term, weight) -> sum.merge(term, weight, Double::sum));
    }

    double cosine(Group other) {
      Map<Long, Double> small = sum.size() <= other.sum.size() ? sum : other.sum;
      Map<Long, Double> large = small == sum ? other.sum : sum;
      double dot = 0;
      for (Map.Entry<Long, Double> e : small.entrySet()) {
        Double w = large.get(e.getKey());
        if (w != null) {
          dot += e.getValue() * w;
        }
      }
      return dot / (norm() * other.norm());
    }

    private double norm() {
      if (norm < 0) {
        double n = 0;
        for (double w : sum.values()) {
          n += w * w;
        }
        norm = Math.sqrt(n);
      }
      return norm;
    }
  }
}
