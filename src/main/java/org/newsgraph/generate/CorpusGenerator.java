package org.newsgraph.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;

/**
 * Writes a synthetic corpus of record files in the real format (Markdown with YAML front matter,
 * every field used): providers with a long-tailed (Zipf) share of records, stories whose records
 * cite each other and share the story's words (about half of a report's; one record in eight
 * republishes the story's wire text word for word), outside articles cited by several records of
 * one story, URL variants of the same article (http, trailing slash, utm_ parameters, AMP), and
 * unicode text. Record {@code i} depends only on the seed and {@code i}, so {@code --first} extends
 * a corpus with new records and leaves the others byte for byte the same. Thread-safe (no state
 * between calls).
 */
public final class CorpusGenerator {

  /** Records per block; stories never cross a block. */
  static final int BLOCK = 16;

  private static final int PROVIDERS = 2_000;

  /** Items per JSON API page. */
  static final int PAGE_ITEMS = 20;

  private final long seed;
  private final double resaved;
  private final boolean apiPages;

  /** A generator for a seed, with no re-saved copies and no API pages. */
  public CorpusGenerator(long seed) {
    this(seed, 0, false);
  }

  /**
   * A generator for a seed that also writes, as real sites hold them, re-saved copies of some
   * records and JSON API pages repeating every record.
   *
   * @param resaved the share of records (0 to 1) that also have a re-saved copy ({@code NAME-2.md}
   *     beside the record): the same article under another URL form, with a later or an absent
   *     update time, another heat, one more topic and, for half of them, one more related article
   * @param apiPages also write {@code api/news/page-N.json}: every record again as an item of a
   *     JSON API page ({@value #PAGE_ITEMS} records a page, in record order; a page holds whole
   *     blocks of records, so {@code --first} rewrites only the pages of the new records)
   */
  public CorpusGenerator(long seed, double resaved, boolean apiPages) {
    if (!(resaved >= 0 && resaved <= 1)) {
      throw new IllegalArgumentException(
          "the share of re-saved records must be between 0 and 1, was " + resaved);
    }
    this.seed = seed;
    this.resaved = resaved;
    this.apiPages = apiPages;
  }

  /**
   * Writes records {@code first .. first+count-1} under {@code dir/_news/NNNN/}, their re-saved
   * copies beside them and their API pages under {@code dir/api/news/}.
   *
   * @return the number of files written
   * @throws IOException when a file cannot be written
   */
  public long generate(Path dir, long first, long count) throws IOException {
    long files = 0;
    for (long i = first; i < first + count; i++) {
      Path folder = dir.resolve("_news").resolve(String.format(Locale.ROOT, "%04d", i / 1000));
      Files.createDirectories(folder);
      write(folder.resolve(fileName(i)), record(i));
      files++;
      if (isResaved(i)) {
        write(folder.resolve(fileName(i).replaceAll("\\.md$", "-2.md")), resavedRecord(i));
        files++;
      }
    }
    if (apiPages && count > 0) {
      Path folder = dir.resolve("api").resolve("news");
      Files.createDirectories(folder);
      long last = first + count - 1;
      for (long page = first / PAGE_ITEMS; page <= last / PAGE_ITEMS; page++) {
        long from = Math.max(first, page * PAGE_ITEMS);
        long to = Math.min(last + 1, page * PAGE_ITEMS + PAGE_ITEMS);
        write(folder.resolve("page-" + (page + 1) + ".json"), apiPage(page + 1, from, to));
        files++;
      }
    }
    return files;
  }

  private static void write(Path file, String text) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(text);
    }
  }

  /** True when record {@code i} has a re-saved copy. */
  boolean isResaved(long i) {
    return resaved > 0 && random(i, 11).nextDouble() < resaved;
  }

  /**
   * The re-saved copy of record {@code i}: the record's text with another form of its web URL, a
   * later update time (or, for a third of them, none, so that the original wins), another heat, one
   * more topic, and for half of them one more related article: record {@code i + BLOCK}, which
   * joins two stories.
   */
  String resavedRecord(long i) {
    SplittableRandom r = random(i, 12);
    String text = record(i);
    String url = url(i);
    text =
        text.replaceFirst(
            "(?m)^webUrl: .*$",
            Matcher.quoteReplacement("webUrl: " + GenYaml.quote(GenUrls.variant(url, r))));
    text = text.replaceFirst("(?m)^heat: .*$", "heat: " + r.nextInt(1000));
    text = text.replaceFirst("(?m)^updatedDateTime: .*\\n", "");
    if (r.nextInt(3) > 0) {
      text =
          text.replaceFirst(
              "(?m)^(publishedDateTime: .*)$",
              "$1\nupdatedDateTime: "
                  + published(i, random(i, 1)).substring(0, 8)
                  + "28T23:59:59Z");
    }
    text =
        text.replaceFirst(
            "(?m)^topics:$",
            Matcher.quoteReplacement("topics:\n  - " + GenYaml.quote("Re-saved " + (i % 7))));
    if (r.nextBoolean()) {
      long j = i + BLOCK;
      String entry =
          "  - title: "
              + GenYaml.quote(GenWords.sentence(random(j, 2), 6))
              + "\n"
              + "    webUrl: "
              + GenYaml.quote(url(j))
              + "\n"
              + "    type: article\n";
      text =
          text.contains("\nrelated:\n")
              ? text.replaceFirst("\nrelated:\n", Matcher.quoteReplacement("\nrelated:\n" + entry))
              : text.replaceFirst(
                  "(?m)^secured:", Matcher.quoteReplacement("related:\n" + entry + "\nsecured:"));
    }
    return text;
  }

  /** API page number {@code page} (1-based) holding records {@code from .. to-1}. */
  String apiPage(long page, long from, long to) {
    StringBuilder json = new StringBuilder("{\"page\": ").append(page).append(", \"value\": [");
    for (long i = from; i < to; i++) {
      json.append(i == from ? "\n" : ",\n");
      GenJson.appendItem(json, record(i));
    }
    return json.append("\n]}\n").toString();
  }

  /** The file name of record {@code i}. */
  String fileName(long i) {
    SplittableRandom r = random(i, 1);
    return String.format(
        Locale.ROOT, "%s-%s-%d.md", published(i, r).substring(0, 10), GenWords.slug(r, 4), i);
  }

  /** The text of record {@code i} (the Markdown file {@link #generate} writes for it). */
  public String record(long i) {
    SplittableRandom r = random(i, 2);
    GenYaml y = new GenYaml();
    y.line("---");
    y.field("category", r.nextInt(10) == 0 ? "research" : "news");
    String[] text = headlineAndExcerpt(i, r);
    y.field("title", text[0]);
    y.field("excerpt", text[1]);
    y.plain("publishedDateTime", published(i, random(i, 1)));
    if (r.nextInt(3) == 0) {
      y.plain("updatedDateTime", date(r).substring(0, 19) + "+02:00");
    }
    String url = url(i);
    y.field("originalUrl", r.nextInt(4) == 0 ? GenUrls.variant(url, r) : url);
    y.field("webUrl", url);
    y.field("ampWebUrl", GenUrls.amp(url));
    y.field("cdnAmpWebUrl", GenUrls.cdnAmp(url));
    y.plain("type", r.nextInt(12) == 0 ? "video" : "article");
    y.plain("quality", Integer.toString(r.nextInt(100)));
    y.plain("heat", Integer.toString(r.nextInt(5) == 0 ? -1 : r.nextInt(1000)));
    y.plain("published", Boolean.toString(r.nextBoolean()));
    y.line("");
    provider(y, "", providerOf(i), true);
    y.line("");
    y.line("topics:");
    for (String topic : GenWords.topics(r)) {
      y.item("  ", topic);
    }
    y.line("");
    y.line("images:");
    image(y, "  ", url, r, true);
    related(y, i, r);
    y.line("");
    y.field("secured", GenWords.secured(r));
    y.line("---");
    y.line("");
    String body = GenWords.text(r, 40, storyWords(i), 2);
    y.line(text[2] != null ? text[2] : body);
    return y.toString();
  }

  /**
   * The headline and excerpt of record {@code i}, drawn from {@code r} after the category: a record
   * alone writes its own; a record of a story shares the story's words.
   */
  private String[] headlineAndExcerpt(long i, SplittableRandom r) {
    String title;
    String excerpt;
    String body = null;
    List<String> keys = storyWords(i);
    if (keys.isEmpty()) {
      title = GenWords.text(r, 4 + r.nextInt(5), keys, 2);
      excerpt = GenWords.text(r, 18 + r.nextInt(18), keys, 3);
    } else if (r.nextInt(8) == 0) {
      // A copy: the story's press release or wire text, word for word, as outlets republish it.
      SplittableRandom wire = new SplittableRandom(seed * 9_000_011L + story(i)[0]);
      title = GenWords.text(wire, 6 + wire.nextInt(5), keys, 2);
      excerpt = GenWords.text(wire, 25 + wire.nextInt(15), keys, 3);
      body = GenWords.text(wire, 40, keys, 2);
    } else {
      // Reports of one event share its names: about half of their words are the story's.
      List<String> eventWords = new ArrayList<>(keys);
      SplittableRandom names = new SplittableRandom(seed * 5_000_011L + story(i)[0]);
      for (int k = 0; k < 5; k++) {
        eventWords.add(GenWords.word(GenWords.VOCABULARY / 4 + names.nextInt(GenWords.VOCABULARY)));
      }
      title = GenWords.text(r, 3 + r.nextInt(4), keys, 3);
      int words = 12 + r.nextInt(12);
      excerpt = GenWords.text(r, words, eventWords, words);
    }
    return new String[] {title, excerpt, body};
  }

  /** Record {@code i}'s headline and excerpt, as {@link #record} writes them. */
  private String[] ownText(long i) {
    SplittableRandom r = random(i, 2);
    r.nextInt(10); // the category
    return headlineAndExcerpt(i, r);
  }

  private void related(GenYaml y, long i, SplittableRandom r) {
    long[] story = story(i);
    List<String> cited = new ArrayList<>();
    for (long j = story[0]; j < story[1]; j++) {
      if (j != i) {
        cited.add("record:" + j);
      }
    }
    int outside = (int) (story[1] - story[0] + 1) / 2;
    for (int k = 0; k < outside; k++) {
      if (r.nextInt(3) > 0) {
        cited.add("outside:" + story[0] + ":" + k);
      }
    }
    if (cited.isEmpty()) {
      return;
    }
    y.line("");
    y.line("related:");
    for (String c : cited) {
      long j = Long.parseLong(c.split(":")[1]);
      SplittableRandom cr =
          random(j, c.startsWith("outside") ? 7 + Long.parseLong(c.split(":")[2]) : 3);
      String target =
          c.startsWith("record") ? url(j) : outsideUrl(j, Long.parseLong(c.split(":")[2]));
      if (c.startsWith("record")) {
        // A record cited by another: the aggregator repeats its headline, excerpt and date.
        String[] own = ownText(j);
        y.line("  - title: " + GenYaml.quote(own[0]));
        y.line("    excerpt: " + GenYaml.quote(own[1]));
        y.line("    publishedDateTime: " + published(j, random(j, 1)));
      } else {
        y.line("  - title: " + GenYaml.quote(GenWords.sentence(cr, 5 + cr.nextInt(8))));
        y.line("    excerpt: " + GenYaml.quote(GenWords.sentence(cr, 15)));
        y.line("    publishedDateTime: " + date(cr));
      }
      y.line("    webUrl: " + GenYaml.quote(GenUrls.variant(target, r)));
      if (r.nextBoolean()) {
        y.line("    ampWebUrl: " + GenYaml.quote(GenUrls.amp(target)));
      }
      y.line("    type: article");
      int provider = c.startsWith("record") ? providerOf(j) : Math.floorMod(j * 31 + 7, PROVIDERS);
      provider(y, "    ", provider, false);
      y.line("    quality: " + cr.nextInt(100));
      y.line("    images:");
      image(y, "      ", target, cr, false);
    }
  }

  private static void provider(GenYaml y, String indent, int p, boolean logo) {
    y.line(indent + "provider:");
    y.line(indent + "  name: " + GenYaml.quote(GenWords.providerName(p)));
    y.line(indent + "  domain: " + GenWords.domain(p));
    if (logo) {
      y.line(indent + "  images:");
      y.line(
          indent
              + "    - url: "
              + GenYaml.quote("https://logo.example.org/" + GenWords.domain(p) + ".png"));
      y.line(indent + "      width: 64");
      y.line(indent + "      height: 64");
    }
  }

  private static void image(
      GenYaml y, String indent, String url, SplittableRandom r, boolean full) {
    y.line(
        indent
            + "- url: "
            + GenYaml.quote(
                url.replaceAll("/[^/]*$", "") + "/img/" + r.nextInt(1_000_000) + ".jpg"));
    y.line(indent + "  width: " + (400 + r.nextInt(2000)));
    y.line(indent + "  height: " + (300 + r.nextInt(1200)));
    if (full) {
      y.line(indent + "  title: " + GenYaml.quote(GenWords.sentence(r, 4)));
      y.line(indent + "  attribution: " + GenYaml.quote("Photo: " + GenWords.sentence(r, 2)));
    }
    y.line(indent + "  isCached: " + r.nextBoolean());
  }

  /** The story of record {@code i}: the index range [start, end) of its records. */
  public long[] story(long i) {
    long block = i / BLOCK;
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + block);
    long start = block * BLOCK;
    long end = block * BLOCK + BLOCK;
    long s = start;
    while (s < end) {
      long size = 1 + Math.min(r.nextInt(6), r.nextInt(6)); // 1..6, small stories more common
      long e = Math.min(end, s + size);
      if (i < e) {
        return new long[] {s, e};
      }
      s = e;
    }
    return new long[] {i, i + 1};
  }

  /** The canonical web URL of record {@code i}. */
  public String url(long i) {
    SplittableRandom r = random(i, 1);
    String date = published(i, r);
    return "https://www."
        + GenWords.domain(providerOf(i))
        + "/"
        + date.substring(0, 4)
        + "/"
        + date.substring(5, 7)
        + "/"
        + GenWords.slug(r, 4)
        + "-"
        + i;
  }

  private String outsideUrl(long storyStart, long k) {
    SplittableRandom r = random(storyStart, 7 + k);
    return "https://news."
        + GenWords.domain(Math.floorMod(storyStart * 31 + 7, PROVIDERS))
        + "/story/"
        + GenWords.slug(r, 3)
        + "-"
        + storyStart
        + "-"
        + k;
  }

  /**
   * Up to {@code count} records of the first {@code records} that are in a story of at least two
   * records, spread over the range: the articles single-article benchmarks ask about.
   */
  public List<Long> linkedRecords(long records, int count) {
    List<Long> out = new ArrayList<>();
    long step = Math.max(1, records / (count * 3L));
    for (long i = 0; i < records && out.size() < count; i += step) {
      long[] s = story(i);
      if (s[1] - s[0] > 1 && s[1] <= records) {
        out.add(i);
      }
    }
    return out;
  }

  /** The domain of provider {@code p} (0 is the largest, the tail has one record or none). */
  public static String providerDomain(int p) {
    return GenWords.domain(p);
  }

  /** Every topic name records are about. */
  public static List<String> topicNames() {
    return GenWords.topicNames();
  }

  /** A provider index with a Zipf(1.1) distribution: a few providers have most records. */
  int providerOf(long i) {
    double u = random(i, 5).nextDouble();
    // Inverse of the continuous approximation of Zipf's CDF over 1..PROVIDERS.
    double s = 1.1;
    double max = Math.pow(PROVIDERS, 1 - s);
    double x = Math.pow(1 + u * (max - 1), 1 / (1 - s));
    return (int) Math.min(PROVIDERS - 1, Math.max(0, Math.floor(x) - 1));
  }

  private SplittableRandom random(long i, long stream) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 1_000_033L + stream);
  }

  /**
   * The publication time of record {@code i}, drawn from {@code r} (6 draws, whatever the record):
   * a record alone gets its own time; the records of a story are published within three days of its
   * first record, as coverage of one event is.
   */
  private String published(long i, SplittableRandom r) {
    String own = date(r);
    long[] story = story(i);
    if (story[1] - story[0] < 2 || i == story[0]) {
      return own;
    }
    String first = date(random(story[0], 1));
    SplittableRandom late = random(i, 11);
    int day = Math.min(28, Integer.parseInt(first.substring(8, 10)) + late.nextInt(3));
    return String.format(Locale.ROOT, "%s%02d%s", first.substring(0, 8), day, own.substring(10));
  }

  /** The words the records of the story of record {@code i} share. */
  private List<String> storyWords(long i) {
    long[] story = story(i);
    return story[1] - story[0] < 2
        ? List.of()
        : GenWords.storyWords(new SplittableRandom(seed * 7_000_003L + story[0]));
  }

  private static String date(SplittableRandom r) {
    return String.format(
        Locale.ROOT,
        "%04d-%02d-%02dT%02d:%02d:%02dZ",
        2019 + r.nextInt(6),
        1 + r.nextInt(12),
        1 + r.nextInt(28),
        r.nextInt(24),
        r.nextInt(60),
        r.nextInt(60));
  }
}
