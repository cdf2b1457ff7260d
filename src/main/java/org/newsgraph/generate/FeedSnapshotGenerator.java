package org.newsgraph.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic history of feed snapshots shaped like a folder of polled ("git-scraped")
 * feeds: several outlets, each polled once an hour, each snapshot holding the outlet's latest
 * items, so that one item appears in many snapshots; some items are edited between snapshots (a
 * later headline), some outlets publish Atom rather than RSS 2.0, some carry full bodies, tracking
 * parameters on their links, or guids that are not their links. Items of different outlets
 * published within hours of each other cover the same events with shared words, and some are wire
 * copies of one text, so that inference finds stories and syndication across outlets. A small share
 * of snapshots is cut short (not well-formed XML), as a year of real scraped feeds holds.
 *
 * <p>Snapshot {@code s} is the poll number {@code s / outlets} of outlet {@code s % outlets}; it
 * depends only on the seed, the settings and {@code s}, so {@code --first} adds the next snapshots
 * to a folder and leaves the others byte for byte the same. Thread-safe (no state between calls).
 */
public final class FeedSnapshotGenerator {

  /** The time of the first poll. */
  static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

  /** Hours between two polls of one outlet. */
  private static final long POLL_SECONDS = 3600;

  /** Events of one six-hour slot that outlets cover. */
  private static final int EVENTS_PER_SLOT = 6;

  private static final long SLOT_SECONDS = 6 * 3600;

  private static final DateTimeFormatter RFC822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final long seed;
  private final int outlets;
  private final int items;
  private final double malformed;

  /**
   * A generator.
   *
   * @param seed the random seed
   * @param outlets how many outlets (feeds) the snapshots are spread over, in turn
   * @param items how many items a snapshot holds (the outlet's latest)
   * @param malformed the share (0 to 1) of snapshots cut short, as a failed download leaves them
   */
  public FeedSnapshotGenerator(long seed, int outlets, int items, double malformed) {
    if (outlets < 1 || items < 1) {
      throw new IllegalArgumentException("outlets and items per snapshot must be at least 1");
    }
    if (!(malformed >= 0 && malformed <= 1)) {
      throw new IllegalArgumentException(
          "the share of malformed snapshots must be between 0 and 1, was " + malformed);
    }
    this.seed = seed;
    this.outlets = outlets;
    this.items = items;
    this.malformed = malformed;
  }

  /**
   * Writes snapshots {@code first .. first+count-1} under {@code dir/snapshots/DOMAIN/}.
   *
   * @return the number of files written
   * @throws IOException when a file cannot be written
   */
  public long generate(Path dir, long first, long count) throws IOException {
    for (long s = first; s < first + count; s++) {
      Path file = dir.resolve(path(s));
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(snapshot(s));
      }
    }
    return count;
  }

  /** The path of snapshot {@code s} under the output folder. */
  public String path(long s) {
    int o = outlet(s);
    long hash = new SplittableRandom(seed * 31 + s).nextLong();
    return "snapshots/"
        + GenWords.domain(o)
        + "/"
        + FILE_TIME.format(time(s))
        + "-"
        + String.format(Locale.ROOT, "%08x", hash >>> 32)
        + ".xml";
  }

  /** The outlet snapshot {@code s} is of. */
  public int outlet(long s) {
    return (int) (s % outlets);
  }

  /** The time snapshot {@code s} was taken: its outlet's poll, a few minutes apart per outlet. */
  public Instant time(long s) {
    return START.plusSeconds((s / outlets) * POLL_SECONDS + outlet(s) * 180L);
  }

  /** True when snapshot {@code s} is written cut short. */
  public boolean isMalformed(long s) {
    return malformed > 0 && new SplittableRandom(seed * 17 + s).nextDouble() < malformed;
  }

  /**
   * The item sequence numbers snapshot {@code s} holds, newest first: {@code [from, to)} of its
   * outlet's items.
   */
  public long[] itemRange(long s) {
    long elapsed = time(s).getEpochSecond() - START.getEpochSecond();
    long to = items + elapsed / interval(outlet(s));
    return new long[] {Math.max(0, to - items), to};
  }

  /** The link of item {@code q} of outlet {@code o}, canonical (without tracking parameters). */
  public String link(int o, long q) {
    Instant published = published(o, q);
    String day =
        DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(published);
    return "https://www."
        + GenWords.domain(o)
        + "/"
        + day
        + "/"
        + GenWords.slug(random(o, q, 1), 4)
        + "-"
        + q;
  }

  /** The headline item {@code q} of outlet {@code o} has in a snapshot taken at {@code at}. */
  public String title(int o, long q, Instant at) {
    return title(item(o, q), at);
  }

  private static String title(Item it, Instant at) {
    return it.revised != null && !at.isBefore(it.published.plusSeconds(2 * 3600))
        ? it.revised
        : it.title;
  }

  /** Seconds between two items of outlet {@code o}: outlets publish from 4 to 0.5 items an hour. */
  private static long interval(int o) {
    return POLL_SECONDS * (1 + o % 8) / 4;
  }

  private Instant published(int o, long q) {
    long iv = interval(o);
    long jitter = random(o, q, 0).nextLong(iv);
    return START.plusSeconds((q - items + 1) * iv - jitter);
  }

  /** What an item says, whatever the snapshot (except its headline, see {@link #title}). */
  private record Item(
      Instant published,
      String title,
      String revised,
      String description,
      String body,
      String author,
      List<String> topics,
      String image) {}

  private Item item(int o, long q) {
    SplittableRandom r = random(o, q, 2);
    Instant published = published(o, q);
    long slot = published.getEpochSecond() / SLOT_SECONDS;
    List<String> keys = List.of();
    List<String> eventWords = List.of();
    String title;
    String description;
    if (r.nextInt(4) == 0) {
      long event = slot * EVENTS_PER_SLOT + r.nextInt(EVENTS_PER_SLOT);
      keys = GenWords.storyWords(new SplittableRandom(seed * 7_000_003L + event));
      eventWords = new ArrayList<>(keys);
      SplittableRandom names = new SplittableRandom(seed * 5_000_011L + event);
      for (int i = 0; i < 5; i++) {
        eventWords.add(GenWords.word(GenWords.VOCABULARY / 4 + names.nextInt(GenWords.VOCABULARY)));
      }
      if (r.nextInt(5) == 0) {
        // A wire copy: the agency's own text of the event, word for word.
        SplittableRandom wire = new SplittableRandom(seed * 9_000_011L + event);
        title = GenWords.text(wire, 6 + wire.nextInt(5), keys, 2);
        description = GenWords.text(wire, 25 + wire.nextInt(15), keys, 3);
      } else {
        // Reports of one event share its names: half of their words are the event's.
        title = GenWords.text(r, 3 + r.nextInt(4), keys, 3);
        int words = 12 + r.nextInt(12);
        description = GenWords.text(r, words, eventWords, words);
      }
    } else {
      title = GenWords.text(r, 6 + r.nextInt(6), keys, 0);
      description = GenWords.text(r, 20 + r.nextInt(20), keys, 0);
    }
    String revised = r.nextInt(7) == 0 ? GenWords.text(r, 6 + r.nextInt(6), keys, 2) : null;
    String body = o % 3 == 0 ? body(r, 150 + r.nextInt(250), eventWords) : null;
    String author = GenWords.sentence(r, 2);
    List<String> topics = GenWords.topics(r);
    String image =
        r.nextInt(3) > 0
            ? "https://static." + GenWords.domain(o) + "/img/" + r.nextInt(1_000_000) + ".jpg"
            : null;
    return new Item(published, title, revised, description, body, author, topics, image);
  }

  /**
   * A body of {@code n} words. Running text of real articles, once stop words are gone, shares few
   * words between two unrelated articles and many (names, places) between two reports of one event:
   * one word in six comes from the event's own words when the item covers one.
   */
  private static String body(SplittableRandom r, int n, List<String> eventWords) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w;
      if (!eventWords.isEmpty() && r.nextInt(6) == 0) {
        w = eventWords.get(r.nextInt(eventWords.size()));
      } else {
        w = GenWords.textWord(r);
      }
      s.append(i == 0 ? "" : i % 40 == 0 ? ".</p><p>" : " ").append(w);
    }
    return s.append('.').toString();
  }

  /** The text of snapshot {@code s} (the file {@link #generate} writes for it). */
  public String snapshot(long s) {
    int o = outlet(s);
    String text = o % 4 == 3 ? atom(s) : rss(s);
    if (isMalformed(s)) {
      SplittableRandom r = new SplittableRandom(seed * 19 + s);
      text = text.substring(0, (int) (text.length() * (0.5 + 0.4 * r.nextDouble())));
    }
    return text;
  }

  private String rss(long s) {
    int o = outlet(s);
    Instant at = time(s);
    String domain = GenWords.domain(o);
    StringBuilder x = new StringBuilder(items * 1500);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"")
        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n");
    element(x, "  ", "title", GenWords.providerName(o));
    element(x, "  ", "link", "https://www." + domain + "/");
    element(x, "  ", "description", "News from " + GenWords.providerName(o));
    element(x, "  ", "language", "en-us");
    element(x, "  ", "lastBuildDate", RFC822.format(at));
    x.append("  <image><url>https://static.")
        .append(domain)
        .append("/logo.png</url><title>")
        .append(escape(GenWords.providerName(o)))
        .append("</title><link>https://www.")
        .append(domain)
        .append("/</link></image>\n");
    long[] range = itemRange(s);
    for (long q = range[1] - 1; q >= range[0]; q--) {
      Item it = item(o, q);
      String link = link(o, q);
      x.append("  <item>\n");
      element(x, "    ", "title", title(it, at));
      element(x, "    ", "link", o % 3 == 1 ? link + "?utm_source=rss&utm_medium=feed" : link);
      if (o % 2 == 0) {
        x.append("    <guid isPermaLink=\"false\">").append(domain).append(':').append(q);
        x.append("</guid>\n");
      } else {
        element(x, "    ", "guid", link);
      }
      element(x, "    ", "pubDate", RFC822.format(it.published));
      element(x, "    ", "dc:creator", it.author);
      for (String topic : it.topics) {
        element(x, "    ", "category", topic);
      }
      element(x, "    ", "description", "<p>" + escape(it.description) + "</p>");
      if (it.body != null) {
        x.append("    <content:encoded><![CDATA[<p>")
            .append(it.body)
            .append("</p>]]></content:encoded>\n");
      }
      if (it.image != null) {
        x.append("    <media:content url=\"")
            .append(it.image)
            .append("\" medium=\"image\" width=\"1200\" height=\"675\"/>\n");
      }
      x.append("  </item>\n");
    }
    return x.append("</channel>\n</rss>\n").toString();
  }

  private String atom(long s) {
    int o = outlet(s);
    Instant at = time(s);
    String domain = GenWords.domain(o);
    StringBuilder x = new StringBuilder(items * 1500);
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    element(x, "  ", "title", GenWords.providerName(o));
    x.append("  <link rel=\"alternate\" href=\"https://www.").append(domain).append("/\"/>\n");
    x.append("  <link rel=\"self\" href=\"https://www.").append(domain).append("/feed.atom\"/>\n");
    element(x, "  ", "id", "tag:" + domain + ",2024:feed");
    element(x, "  ", "updated", at.toString());
    element(x, "  ", "logo", "https://static." + domain + "/logo.png");
    long[] range = itemRange(s);
    for (long q = range[1] - 1; q >= range[0]; q--) {
      Item it = item(o, q);
      x.append("  <entry>\n");
      element(x, "    ", "title", title(it, at));
      x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(escape(link(o, q)))
          .append("\"/>\n");
      element(x, "    ", "id", "tag:" + domain + ",2024:item-" + q);
      element(x, "    ", "published", it.published.toString());
      element(x, "    ", "updated", it.published.toString());
      x.append("    <author><name>").append(escape(it.author)).append("</name></author>\n");
      for (String topic : it.topics) {
        x.append("    <category term=\"").append(escape(topic)).append("\"/>\n");
      }
      x.append("    <summary type=\"html\">")
          .append(escape("<p>" + escape(it.description) + "</p>"))
          .append("</summary>\n");
      if (it.image != null) {
        x.append("    <link rel=\"enclosure\" type=\"image/jpeg\" href=\"")
            .append(it.image)
            .append("\"/>\n");
      }
      x.append("  </entry>\n");
    }
    return x.append("</feed>\n").toString();
  }

  private static void element(StringBuilder x, String indent, String name, String text) {
    x.append(indent)
        .append('<')
        .append(name)
        .append('>')
        .append(escape(text))
        .append("</")
        .append(name)
        .append(">\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private SplittableRandom random(int o, long q, long stream) {
    return new SplittableRandom(
        seed * 0x9E3779B97F4A7C15L + o * 0x632BE59BD9B4E019L + q * 1_000_033L + stream);
  }
}
