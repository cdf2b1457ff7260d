package org.newsgraph.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.model.Article;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;

/**
 * Scores inferred stories against known ones with B-cubed precision, recall and F1, on the shared
 * corpus: (a) the aggregator's own clusters (the connected components of its related lists, cited
 * articles included, the lists hidden from the inference) and (b) the stories labelled by hand in
 * {@code src/test/resources/stories/everyday-ai-labels.tsv}. The inference is the ingest's own:
 * {@link TextProfile}, {@link PairFinder}, {@link StoryRule}.
 */
public final class StoryEvaluation {

  /** B-cubed figures over the scored articles. */
  public record Score(int articles, double precision, double recall) {
    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  /** An article of the corpus: its URL, its time and its texts. */
  public record Item(String url, long time, String headline, String excerpt) {}

  private StoryEvaluation() {}

  /** The inferred story of every item: items in one story share a value. */
  public static Map<String, String> infer(List<Item> items, InferenceSettings settings) {
    List<Doc> docs = new ArrayList<>();
    try (TextProfile.Builder profiles = settings.profiles()) {
      for (Item item : items) {
        docs.add(
            new Doc(
                item.url(), item.time(), profiles.profile(item.headline(), item.excerpt(), null)));
      }
    }
    Collections.sort(docs);
    List<Pair> pairs = new ArrayList<>();
    PairFinder finder = new PairFinder(settings, pairs::add);
    docs.forEach(finder::add);
    Map<String, String> parent = new HashMap<>();
    for (Pair pair : StoryRule.apply(pairs, settings.threshold()).sameStory()) {
      union(parent, pair.earlier().iri(), pair.later().iri());
    }
    Map<String, String> out = new HashMap<>();
    for (Item item : items) {
      out.put(item.url(), find(parent, item.url()));
    }
    return out;
  }

  /** B-cubed precision and recall of {@code predicted} against {@code truth}, over truth's keys. */
  public static Score bcubed(Map<String, String> predicted, Map<String, String> truth) {
    List<String> items = new ArrayList<>(truth.keySet());
    double p = 0;
    double r = 0;
    for (String i : items) {
      int both = 0;
      int inPredicted = 0;
      int inTruth = 0;
      for (String j : items) {
        boolean sameP = predicted.get(i).equals(predicted.get(j));
        boolean sameT = truth.get(i).equals(truth.get(j));
        inPredicted += sameP ? 1 : 0;
        inTruth += sameT ? 1 : 0;
        both += sameP && sameT ? 1 : 0;
      }
      p += (double) both / inPredicted;
      r += (double) both / inTruth;
    }
    return new Score(items.size(), p / items.size(), r / items.size());
  }

  /**
   * Set (a): the records of a folder that carry related lists, and the articles they cite, each
   * once; the truth is the components of the related links.
   *
   * @param truth filled with each item's aggregator cluster
   */
  public static List<Item> aggregatorClusters(Path folder, Map<String, String> truth)
      throws IOException {
    Map<String, Item> items = new LinkedHashMap<>();
    Map<String, String> parent = new HashMap<>();
    for (Article a : articles(folder)) {
      items.putIfAbsent(url(a), item(a));
      find(parent, url(a));
      for (Article cited : a.related()) {
        items.putIfAbsent(url(cited), item(cited));
        union(parent, url(a), url(cited));
      }
    }
    for (String url : items.keySet()) {
      truth.put(url, find(parent, url));
    }
    return new ArrayList<>(items.values());
  }

  /**
   * Set (b): every record of the corpus, one item per URL (the first record by path), and the
   * labels of the label file; ambiguous items are left out of the truth, {@code alone} items are
   * each their own story.
   */
  public static List<Item> handLabelled(Path corpus, Path labels, Map<String, String> truth)
      throws IOException {
    Map<String, Item> items = new LinkedHashMap<>();
    for (Article a : articles(corpus)) {
      items.putIfAbsent(url(a), item(a));
    }
    for (String line : Files.readAllLines(labels)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t");
      String label = cols[1];
      if (!items.containsKey(cols[0]) || label.equals("ambiguous")) {
        continue;
      }
      truth.put(cols[0], label.equals("alone") ? "alone:" + cols[0] : label);
    }
    return new ArrayList<>(items.values());
  }

  private static List<Article> articles(Path folder) throws IOException {
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    List<Article> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        if (!file.getParent().getFileName().toString().equals("_news")) {
          continue;
        }
        ReadResult result = reader.read(file, file.toString());
        for (var record : result.records()) {
          if (record.entity() instanceof Article a && url(a) != null) {
            out.add(a);
          }
        }
      }
    }
    return out;
  }

  private static Item item(Article a) {
    return new Item(url(a), time(a.publishedDateTime()), a.title(), a.excerpt());
  }

  private static String url(Article a) {
    return a.webUrl() != null ? a.webUrl() : a.originalUrl();
  }

  /** A record's publication time in epoch seconds, read as the ingest reads it (0 when none). */
  static long time(String lexical) {
    Long seconds =
        lexical == null
            ? null
            : InferredLinks.epochSeconds(
                NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdateTime));
    return seconds == null ? 0 : seconds;
  }

  private static String find(Map<String, String> parent, String x) {
    parent.putIfAbsent(x, x);
    String root = x;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }
}
