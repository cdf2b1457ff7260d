package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.model.UrlLib;

/**
 * The real saved pages shared beside the project ({@code ../shared/corpus/pages}: NAME/source.html
 * with NAME/expected-metadata.json, the metadata an independent reader, Mozilla's readability,
 * found in the page), when present; skipped with a message otherwise. The pages are read where they
 * are, never copied. Checks that nearly every page gives an article, with the title the independent
 * reader found, identified by the URL the page states for itself.
 */
class PageCorpusTest {

  private static final Path CORPUS = Path.of("../shared/corpus/pages");
  private static final Pattern PUBLISHED =
      Pattern.compile("\"publishedTime\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
  private static final Pattern TITLE =
      Pattern.compile("\"title\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");

  @TempDir static Path tmp;
  private static String db;
  private static Cli.Result run;
  private static List<String> names;

  /** Page name → headline and canonical URL of the article its file gave. */
  private static Map<String, String[]> stored;

  @BeforeAll
  static void ingest() throws IOException {
    assumeTrue(
        Files.isRegularFile(CORPUS.resolve("MANIFEST.txt")),
        "the shared page corpus is not at ../shared/corpus/pages: PageCorpusTest skipped");
    db = tmp.resolve("db").toString();
    run = Cli.run("ingest", "--no-infer-links", "--db", db, CORPUS.toString());
    try (var list = Files.list(CORPUS)) {
      names =
          list.filter(d -> Files.isRegularFile(d.resolve("source.html")))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toList();
    }
    stored = new HashMap<>();
    for (String row :
        FeedIngestTest.rows(
            db,
            "SELECT ?s ?h ?c ?p { GRAPH ?g { ?g dcterms:source ?s . ?a schema:headline ?h ;"
                + " news:canonicalUrl ?c OPTIONAL { ?a schema:datePublished ?p } } }")) {
      String[] cells = row.split("\t", -1);
      String source = unquote(cells[0]);
      String name = Path.of(source).getParent().getFileName().toString();
      stored.put(
          name,
          new String[] {
            unquote(cells[1]),
            cells[2].replaceAll("^<|>$", ""),
            cells.length > 3 && !cells[3].isEmpty() ? unquote(cells[3]) : null
          });
    }
  }

  @Test
  void nearlyEveryPageGivesAnArticleWithTheIndependentReadersTitle() throws IOException {
    assertTrue(names.size() >= 26, "pages in the corpus: " + names);
    assertTrue(stored.size() >= 24, "articles from " + stored.keySet() + "\n" + run.err());
    List<String> misses = new ArrayList<>();
    int matched = 0;
    int expected = 0;
    for (String name : names) {
      String title = expectedTitle(CORPUS.resolve(name).resolve("expected-metadata.json"));
      if (title == null) {
        continue;
      }
      expected++;
      String[] article = stored.get(name);
      if (article != null && normalise(article[0]).equals(normalise(title))) {
        matched++;
      } else {
        misses.add(
            name
                + ": expected '"
                + title
                + "', got "
                + (article == null ? "no article" : "'" + article[0] + "'"));
      }
    }
    System.out.println(
        "PageCorpusTest: "
            + stored.size()
            + " of "
            + names.size()
            + " pages gave an article; titles matched "
            + matched
            + " of "
            + expected
            + (misses.isEmpty() ? "" : "; misses:\n  " + String.join("\n  ", misses)));
    assertTrue(matched >= Math.ceil(0.9 * expected), matched + " of " + expected + ": " + misses);
  }

  @Test
  void anArticleIsIdentifiedByTheUrlItsPageStates() throws IOException {
    List<String> wrong = new ArrayList<>();
    int stated = 0;
    for (String name : names) {
      String[] article = stored.get(name);
      Document page = Jsoup.parse(CORPUS.resolve(name).resolve("source.html").toFile(), null, "");
      List<String> own = new ArrayList<>();
      Element canonical = page.selectFirst("link[rel=canonical][href]");
      if (canonical != null) {
        own.add(canonical.attr("href"));
      }
      Element og = page.selectFirst("meta[property=og:url][content]");
      if (og != null) {
        own.add(og.attr("content"));
      }
      List<String> absolute = new ArrayList<>();
      for (String url : own) {
        try {
          absolute.add(UrlLib.canonical(url));
        } catch (IllegalArgumentException e) {
          // a relative or broken URL is no statement of identity this test can check
        }
      }
      if (absolute.isEmpty() || article == null) {
        continue;
      }
      stated++;
      if (!absolute.contains(article[1])) {
        wrong.add(name + ": stated " + absolute + ", identified as " + article[1]);
      }
    }
    assertTrue(stated >= 20, "pages stating their URL: " + stated);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void thePublicationTimeIsTheOneTheIndependentReaderFound() throws IOException {
    List<String> misses = new ArrayList<>();
    int expected = 0;
    for (String name : names) {
      String json = Files.readString(CORPUS.resolve(name).resolve("expected-metadata.json"));
      Matcher m = PUBLISHED.matcher(json);
      String[] article = stored.get(name);
      if (!m.find() || article == null) {
        continue;
      }
      expected++;
      long want = minutes(unquote(m.group(1)));
      if (article[2] == null || minutes(article[2]) != want) {
        misses.add(name + ": expected " + m.group(1) + ", got " + article[2]);
      }
    }
    assertTrue(expected >= 15, "pages with a publication time: " + expected);
    assertTrue(misses.size() <= expected / 10, misses.size() + " of " + expected + ": " + misses);
  }

  /** A date-time as the pages and the reference write them, in minutes since the epoch (UTC). */
  private static long minutes(String text) {
    String t = text.strip().replace(' ', 'T').replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
    if (t.length() == 10) {
      t += "T00:00";
    }
    try {
      return java.time.OffsetDateTime.parse(t).toEpochSecond() / 60;
    } catch (java.time.format.DateTimeParseException e) {
      return java.time.LocalDateTime.parse(t).toEpochSecond(java.time.ZoneOffset.UTC) / 60;
    }
  }

  /** Entities decoded, white space (no-break space too) collapsed, typographic quotes plain. */
  static String normalise(String title) {
    return Parser.unescapeEntities(title, false)
        .replaceAll("[\\s\\u00A0\\u202F\\uFEFF]+", " ")
        .replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace('\u201C', '"')
        .replace('\u201D', '"')
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static String expectedTitle(Path json) throws IOException {
    Matcher m = TITLE.matcher(Files.readString(json, StandardCharsets.UTF_8));
    return m.find() ? unquote(m.group(1)) : null;
  }

  /** A JSON or TSV string literal's text. */
  private static String unquote(String literal) {
    String body = literal.replaceAll("^\"|\"(@[\\w-]+|\\^\\^<[^>]*>)?$", "");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char e = body.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'u' -> {
            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
