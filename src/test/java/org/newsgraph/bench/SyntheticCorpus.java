package org.newsgraph.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic aggregator records for benchmarks: long-tailed providers (a few big
 * domains, a long tail of small ones), stories of articles that cite earlier articles of the same
 * story, outside articles that no record describes, a few links across stories, and topics. Record
 * {@code i} is always the same text for the same seed.
 */
final class SyntheticCorpus {

  static final int PROVIDERS = 3000;
  static final int TOPICS = 60;
  private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

  private final long seed;
  private final int records;
  private final int[] storyOf;
  private final int[] storyStart;

  /** A corpus of {@code records} records; stories have long-tailed sizes (mostly 1 to 5). */
  SyntheticCorpus(long seed, int records) {
    this.seed = seed;
    this.records = records;
    this.storyOf = new int[records];
    List<Integer> starts = new ArrayList<>();
    Random random = new Random(seed);
    int story = -1;
    int left = 0;
    for (int i = 0; i < records; i++) {
      if (left == 0) {
        story++;
        starts.add(i);
        left = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2.5);
      }
      storyOf[i] = story;
      left--;
    }
    storyStart = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  int size() {
    return records;
  }

  /** The web URL of record {@code i}. */
  String url(int i) {
    return "https://" + domain(provider(i)) + "/news/" + i + "-story-" + storyOf[i];
  }

  /** The Markdown text of record {@code i}. */
  String record(int i) {
    Random random = new Random(seed * 1_000_003L + i);
    StringBuilder out = new StringBuilder(2048);
    out.append("---\ncategory: news\n");
    article(out, "", i, url(i), random);
    out.append("topics:\n");
    int topic = topic(storyOf[i], random);
    out.append("  - Topic ").append(topic).append('\n');
    if (random.nextInt(3) == 0) {
      out.append("  - Topic ").append((topic + 1 + random.nextInt(5)) % TOPICS).append('\n');
    }
    List<String> related = new ArrayList<>();
    int first = storyStart[storyOf[i]];
    for (int k = 0, n = random.nextInt(4); k < n && i > first; k++) {
      related.add(rel(first + random.nextInt(i - first)));
    }
    if (random.nextInt(3) == 0) {
      related.add("outside:" + i + ":" + random.nextInt(3));
    }
    if (random.nextInt(100) == 0 && i > 0) {
      related.add(rel(random.nextInt(i)));
    }
    if (!related.isEmpty()) {
      out.append("related:\n");
      for (String r : related.stream().distinct().toList()) {
        relatedEntry(out, r, random);
      }
    }
    return out.append("---\n").toString();
  }

  private static String rel(int j) {
    return "record:" + j;
  }

  private void relatedEntry(StringBuilder out, String r, Random random) {
    if (r.startsWith("record:")) {
      int j = Integer.parseInt(r.substring(7));
      out.append("  - ");
      article(out, "    ", j, url(j), new Random(seed * 1_000_003L + j));
    } else {
      String[] parts = r.split(":");
      int i = Integer.parseInt(parts[1]);
      int p = provider(new Random(seed + i * 31L + Integer.parseInt(parts[2])).nextDouble());
      out.append("  - ");
      String url = "https://" + domain(p) + "/outside/" + i + "-" + parts[2];
      appendFields(out, "    ", "Outside report " + i, date(i, random), url, p);
    }
  }

  private void article(StringBuilder out, String indent, int i, String url, Random random) {
    appendFields(
        out, indent, "Report " + i + " on story " + storyOf[i], date(i, random), url, provider(i));
  }

  private static void appendFields(
      StringBuilder out, String indent, String title, String date, String url, int provider) {
    out.append("title: \"").append(title).append("\"\n");
    out.append(indent).append("publishedDateTime: ").append(date).append('\n');
    out.append(indent).append("webUrl: \"").append(url).append("\"\n");
    out.append(indent).append("type: article\n");
    out.append(indent).append("provider:\n");
    out.append(indent).append("  name: Provider ").append(provider).append('\n');
    out.append(indent).append("  domain: ").append(domain(provider)).append('\n');
  }

  private String date(int i, Random unused) {
    // A story spreads over a few days from its start; dates depend on the record only, so every
    // description of an article agrees on its date.
    int story = storyOf[i];
    Random r = new Random(seed ^ (i * 7919L));
    return START
        .plus(story / 20, ChronoUnit.DAYS)
        .plus(r.nextInt(72 * 60), ChronoUnit.MINUTES)
        .toString();
  }

  private int provider(int i) {
    return provider(new Random(seed ^ (i * 104_729L)).nextDouble());
  }

  private static int provider(double u) {
    return (int) Math.floor(PROVIDERS * Math.pow(u, 3));
  }

  private static String domain(int provider) {
    return "provider" + provider + ".example";
  }

  private int topic(int story, Random random) {
    return (int) Math.floor(TOPICS * Math.pow(new Random(seed + story).nextDouble(), 2));
  }

  /** Records that are in a story of at least two records, for single-article benchmarks. */
  List<Integer> linkedRecords(int count) {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i < records && out.size() < count; i += Math.max(1, records / (count * 3))) {
      if (storyOf[i] == storyOf[i - 1]) {
        out.add(i);
      }
    }
    return out;
  }
}
