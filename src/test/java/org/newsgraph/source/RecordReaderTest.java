package org.newsgraph.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.Article;
import org.newsgraph.model.Organization;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Topic;

/**
 * The reader against the faults of RELIABILITY.md (items 1-12) and the quirks of the real format.
 */
class RecordReaderTest {

  @TempDir Path dir;

  private final RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);

  private ReadResult read(String name, String text) throws IOException {
    return read(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private ReadResult read(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return reader.read(file, name);
  }

  private static List<String> lines(ReadResult result) {
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void malformedYamlGivesTheParsersProblemAtItsPosition() throws IOException {
    ReadResult r = read("a.md", "---\ntitle: [unclosed\nwebUrl: https://a.example.com/x\n---\n");
    assertThat(r.records()).isEmpty();
    assertThat(lines(r))
        .containsExactly(
            "a.md:3:7: error: malformed YAML: while parsing a flow"
                + " sequence: expected ',' or ']', but got :");
  }

  @Test
  void missingOrUnclosedFrontMatterIsAnErrorAtLineOne() throws IOException {
    assertThat(lines(read("a.md", "title: x\n")))
        .containsExactly("a.md:1:1: error: no front matter: the file must start with a '---' line");
    assertThat(lines(read("b.md", "---\ntitle: x\n")))
        .containsExactly(
            "b.md:1:1: error: front matter is not closed: no '---' line after the opening one");
  }

  @Test
  void nulBytesAndInvalidUtf8NameTheByteOffset() throws IOException {
    assertThat(lines(read("a.md", "---\ntitle: a\u0000b\n---\n")))
        .containsExactly("a.md:2:9: error: binary file: NUL byte at byte offset 12");
    byte[] latin1 = "---\ntitle: caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(lines(read("b.md", latin1)))
        .containsExactly("b.md:2:11: error: not UTF-8: invalid byte sequence at byte offset 14");
  }

  @Test
  void aFileOverTheSizeCapIsRefusedBeforeReading() throws IOException {
    RecordReader small = new RecordReader(new ReaderLimits(100, 50, 50));
    Path file = dir.resolve("big.md");
    Files.write(file, new byte[1000]);
    assertThat(small.read(file, "big.md").problems().stream().map(Problem::toString))
        .containsExactly(
            "big.md:1:1: error: file is 1000 bytes, more than the limit of 100 bytes"
                + " (raise it with --max-file-size)");
  }

  @Test
  void billionLaughsIsRefusedFast() throws IOException {
    StringBuilder yaml =
        new StringBuilder("---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i > 0 ? "," : "").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    yaml.append("---\n");
    // Refused by counting aliases while composing, before any expansion (9^10 strings otherwise).
    ReadResult r = read("laughs.md", yaml.toString());
    assertThat(lines(r))
        .containsExactly(
            "laughs.md:1:1: error: YAML refused: Number of aliases for"
                + " non-scalar nodes exceeds the specified max=50");
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    String deep = "---\nt: " + "[".repeat(200) + "]".repeat(200) + "\n---\n";
    assertThat(lines(read("deep.md", deep)))
        .containsExactly("deep.md:1:1: error: YAML refused: Nesting Depth exceeded max 50");
  }

  @Test
  void javaTagsAreRefusedAndNoClassIsLoaded() throws IOException {
    ReadResult r =
        read(
            "java.md",
            "---\ntitle: !!javax.script.ScriptEngineManager"
                + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n---\n");
    assertThat(lines(r))
        .containsExactly(
            "java.md:2:8: error: malformed YAML: Global tag is not"
                + " allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
    ReadResult local =
        read("local.md", "---\ntitle: !custom x\nwebUrl: https://a.example.com/\n---\n");
    assertThat(lines(local))
        .containsExactly(
            "local.md:2:8: error: tag '!custom' is not allowed (only plain YAML data)");
  }

  @Test
  void aDuplicateKeyNamesTheKeyAndBothLines() throws IOException {
    assertThat(
            lines(
                read("dup.md", "---\ntitle: a\nwebUrl: https://a.example.com/x\ntitle: b\n---\n")))
        .containsExactly(
            "dup.md:4:1: error: duplicate key 'title' (first at line 2, again at line 4)");
  }

  @Test
  void missingRequiredFieldsAreOneErrorListingAll() throws IOException {
    assertThat(lines(read("m.md", "---\ncategory: news\nexcerpt: no title\n---\n")))
        .containsExactly(
            "m.md:2:1: error: article is missing required fields: title, webUrl (or originalUrl)");
  }

  @Test
  void wrongTypesAreErrorsAtTheValueWithNoCoercion() throws IOException {
    ReadResult r =
        read(
            "t.md",
            "---\ntitle: x\nwebUrl: https://a.example.com/x\nquality: 3.5\n"
                + "published: yes\ntopics: AI\n---\n");
    assertThat(r.records()).isEmpty();
    assertThat(lines(r))
        .containsExactly(
            "t.md:4:10: error: 'quality' of article must be an integer, found '3.5'",
            "t.md:5:12: error: 'published' of article must be true or false, found 'yes'",
            "t.md:6:9: error: 'topics' of article must be a list, found 'AI'");
  }

  @Test
  void yaml11LookAlikesStayTheTextTheAuthorWrote() throws IOException {
    Article a =
        article(
            read(
                "y.md",
                "---\ntitle: NO\nexcerpt: on\ncategory: 0777\ntype: 1:30\n"
                    + "locale: 3.10\npublishedDateTime: 2021-03-02T10:36:00+05:30\n"
                    + "webUrl: https://a.example.com/x\n---\n"));
    assertThat(a.title()).isEqualTo("NO");
    assertThat(a.excerpt()).isEqualTo("on");
    assertThat(a.category()).isEqualTo("0777");
    assertThat(a.type()).isEqualTo("1:30");
    assertThat(a.extra().locale()).isEqualTo("3.10");
    assertThat(a.publishedDateTime()).isEqualTo("2021-03-02T10:36:00+05:30");
  }

  @Test
  void aDateThatIsNotADateIsAnError() throws IOException {
    assertThat(
            lines(
                read(
                    "d.md",
                    "---\ntitle: x\nwebUrl: https://a.example.com/x\n"
                        + "publishedDateTime: 2021-13-01T00:00:00Z\n---\n")))
        .containsExactly(
            "d.md:4:20: error: 'publishedDateTime' of article must be a date-time like"
                + " 2021-03-02T10:36:00Z, found '2021-13-01T00:00:00Z'");
  }

  @Test
  void invalidUrlsAreNormalisedWhenSafeOtherwiseAnErrorNamingTheField() throws IOException {
    Article a =
        article(read("u.md", "---\ntitle: x\nwebUrl: \" https://Ex.example.com/a b<c>\"\n---\n"));
    assertThat(a.webUrl()).isEqualTo("https://ex.example.com/a%20b%3Cc%3E");
    assertThat(lines(read("v.md", "---\ntitle: x\nwebUrl: www.example.com/a\n---\n")))
        .containsExactly(
            "v.md:3:9: error: 'webUrl' is not a valid URL: not an absolute URL (no scheme): www.example.com/a");
    Article idn = article(read("w.md", "---\ntitle: x\nwebUrl: https://bücher.example/a\n---\n"));
    assertThat(idn.webUrl()).isEqualTo("https://xn--bcher-kva.example/a");
  }

  @Test
  void htmlEntitiesAreDecodedExactlyOnceAndEscapesHonoured() throws IOException {
    Article a =
        article(
            read(
                "h.md",
                "---\ntitle: \"Fish &amp;amp; \\\"chips\\\" &#8211; &#x41;\"\n"
                    + "excerpt: 'Caf&eacute; &unknown; & co'\nwebUrl: https://a.example.com/x\n---\n"));
    assertThat(a.title()).isEqualTo("Fish &amp; \"chips\" \u2013 A");
    assertThat(a.excerpt()).isEqualTo("Caf\u00e9 &unknown; & co");
  }

  @Test
  void unquotedUrlsWithSpecialCharactersSurviveIntact() throws IOException {
    Article a =
        article(
            read(
                "q.md",
                "---\ntitle: x\nwebUrl: https://a.example.com/p?id=5&ref=home#top\n"
                    + "originalUrl: https://a.example.com/p?id=5&#038;ref=$x=1\n---\n"));
    assertThat(a.webUrl()).isEqualTo("https://a.example.com/p?id=5&ref=home#top");
    assertThat(a.originalUrl()).isEqualTo("https://a.example.com/p?id=5&#038;ref=$x=1");
  }

  @Test
  void unknownKeysAreWarningsWithAKeyForDeduplication() throws IOException {
    ReadResult r = read("k.md", "---\ntitle: x\nwebUrl: https://a.example.com/x\nmood: ok\n---\n");
    assertThat(r.records()).hasSize(1);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.toString())
                  .isEqualTo("k.md:4:1: warning: unknown key 'mood' in article (not mapped)");
              assertThat(p.unknownKey()).isEqualTo("article.mood");
            });
  }

  @Test
  void aJsonPageGivesOneRecordPerItem() throws IOException {
    ReadResult r =
        read(
            "index.json",
            "{\"page\": 2, \"value\": [\n"
                + "{\"title\": \"a\", \"webUrl\": \"https:\\/\\/a.example.com\\/1\", \"heat\": null},\n"
                + "{\"title\": \"b\", \"webUrl\": \"https://a.example.com/2\", \"heat\": 5}]}\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.records())
        .extracting(rec -> rec.article().webUrl())
        .containsExactly("https://a.example.com/1", "https://a.example.com/2");
    assertThat(r.records().get(1).article().heat()).isEqualTo(5L);
    assertThat(r.records().get(1).position().line()).isEqualTo(3);
  }

  @Test
  void aBadItemOfAJsonPageIsPositionedAndStoresNothing() throws IOException {
    ReadResult r =
        read(
            "index.json",
            "{\"page\": 1, \"value\": [\n"
                + "{\"title\": \"a\", \"webUrl\": \"https://a.example.com/1\"},\n"
                + "{\"title\": \"b\", \"webUrl\": \"https://a.example.com/2\", \"heat\": \"hot\"}]}\n");
    assertThat(r.records()).isEmpty();
    assertThat(lines(r))
        .containsExactly(
            "index.json:3:61: error: 'heat' of article must be an integer, found 'hot'");
  }

  @Test
  void taxonomyFilesAreRecognisedByContentIncludingAStraySeparator() throws IOException {
    ReadResult topic =
        read(
            "t.yaml",
            "taxonomy: topic\n_id: computer-vision\nname: Computer Vision\n" + "parent: AI\n---\n");
    assertThat(topic.problems()).isEmpty();
    assertThat(topic.records())
        .singleElement()
        .extracting(Record::entity)
        .isInstanceOfSatisfying(Topic.class, t -> assertThat(t.parent()).isEqualTo("AI"));
    ReadResult org =
        read(
            "theguardian.com",
            "---\ntaxonomy: organization\n_id: theguardian.com\n"
                + "name: The Guardian\ndomain: TheGuardian.com\n---\n");
    assertThat(org.records())
        .singleElement()
        .extracting(Record::entity)
        .isInstanceOfSatisfying(
            Organization.class, o -> assertThat(o.domain()).isEqualTo("theguardian.com"));
    assertThat(lines(read("x.yaml", "taxonomy: person\n_id: x\n")))
        .containsExactly(
            "x.yaml:1:11: error: unknown taxonomy 'person'; expected one of: topic, tag, organization");
  }

  @Test
  void dotfilesAndUnrelatedFilesAreSkippedAndCounted() throws IOException {
    Files.writeString(dir.resolve(".keep"), "");
    Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(dir.resolve("page.html"), "<p>a fragment, not a page</p>");
    Files.writeString(
        dir.resolve("default.html"), "<!DOCTYPE html><title>{{ page.title }}</title>");
    Files.writeString(dir.resolve("saved.html"), "<!DOCTYPE html><html><title>A page</title>");
    Files.writeString(dir.resolve("x.warc"), "not a WARC\n");
    Files.writeString(dir.resolve("feed.json"), "{\"version\": \"1\", \"title\": \"a feed\"}");
    Files.writeString(dir.resolve("README.md"), "# A site\n");
    Files.writeString(dir.resolve("_config.yml"), "title: Everyday AI\nbaseurl: /ai\n");
    Files.writeString(dir.resolve("navigation.yml"), "- title: Home\n  url: /\n");
    Files.writeString(dir.resolve("a.md"), "---\ntitle: x\n---\n");
    Files.writeString(dir.resolve("b.yaml"), "title: only a title\n");
    Files.write(dir.resolve("bad.md"), new byte[] {'-', '-', '-', '\n', 0, '\n'});
    Files.writeString(dir.resolve("theguardian.com"), "---\ntaxonomy: organization\n---\n");
    Files.writeString(dir.resolve("index.json"), "{\"page\": 1, \"value\": []}");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/config.md"), "---\n---\n");
    SourceWalker walker = new SourceWalker();
    List<String> found = new ArrayList<>();
    walker.walk(dir, p -> found.add(dir.relativize(p).toString()));
    assertThat(found)
        .containsExactlyInAnyOrder(
            "a.md", "b.yaml", "bad.md", "theguardian.com", "index.json", "saved.html");
    assertThat(walker.skipped()).isEqualTo(9);
    assertThat(walker.skippedByReason())
        .containsEntry(SourceWalker.Skip.NOT_A_PAGE, 2L)
        .containsEntry(SourceWalker.Skip.NOT_A_WARC, 1L);
    List<String> named = new ArrayList<>();
    walker.walk(dir.resolve("README.md"), p -> named.add(p.getFileName().toString()));
    assertThat(named).as("a file named directly is always offered").containsExactly("README.md");
  }

  private static Article article(ReadResult r) {
    assertThat(r.problems()).as("problems").isEmpty();
    return r.records().get(0).article();
  }
}
