package org.newsgraph.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Problem;
import org.newsgraph.model.UrlLib;

/**
 * Mutated records (bytes flipped, lines cut and swapped, characters inserted) always give records
 * or positioned problems, never another exception; canonical URLs are stable under
 * re-canonicalisation. Seeded, so a failure can be replayed.
 */
class ReaderFuzzTest {

  private static final String ALPHABET = "-:#&\"'\\[]{}|>!*%@` \n\t?=/.aZ09\u00e9\u0000";

  @Test
  void mutatedRecordsGiveRecordsOrPositionedProblems() throws IOException {
    byte[] seed = Files.readAllBytes(Path.of("src/test/resources/cases/all-fields/input.md"));
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    Random random = new Random(20260101L);
    for (int round = 0; round < 1500; round++) {
      byte[] mutated = mutate(seed, random);
      ReadResult result = reader.read(new ByteArrayInputStream(mutated), "fuzz.md");
      assertThat(result.records().isEmpty() || !result.rejected()).isTrue();
      String[] lines = new String(mutated, StandardCharsets.UTF_8).split("\n", -1);
      for (Problem problem : result.problems()) {
        // The position points into the input: a line that exists, a column within it (or just
        // past its end, where a problem such as "no closing ---" is found).
        int line = problem.position().line();
        assertThat(line).as(problem.toString()).isLessThanOrEqualTo(lines.length);
        String text = lines[line - 1];
        assertThat(problem.position().column())
            .as(problem.toString())
            .isLessThanOrEqualTo(text.codePointCount(0, text.length()) + 1);
      }
    }
  }

  @Test
  void mutatedFeedsGiveRecordsOrPositionedProblems() throws IOException {
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    Random random = new Random(20261207L);
    for (String fixture : new String[] {"harbour.rss", "valley.atom", "digest.xml"}) {
      byte[] seed =
          Files.readAllBytes(Path.of("src/test/resources/fixtures/feeds/formats", fixture));
      for (int round = 0; round < 400; round++) {
        byte[] mutated = mutate(seed, random);
        ReadResult result = reader.read(mutated, Path.of(fixture), fixture);
        assertThat(result.records().isEmpty() || !result.rejected()).isTrue();
        String[] lines = new String(mutated, StandardCharsets.UTF_8).split("\n", -1);
        for (Problem problem : result.problems()) {
          assertThat(problem.position().line())
              .as(problem.toString())
              .isLessThanOrEqualTo(lines.length);
        }
      }
    }
  }

  @Test
  void mutatedPagesAndWarcFilesGiveRecordsOrPositionedProblems() throws IOException {
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    Random random = new Random(20261208L);
    for (String fixture : new String[] {"graph.html", "meta-only.htm"}) {
      byte[] seed = Files.readAllBytes(Path.of("src/test/resources/fixtures/pages", fixture));
      for (int round = 0; round < 150; round++) {
        byte[] mutated = mutate(seed, random);
        ReadResult result = reader.read(mutated, Path.of(fixture), fixture);
        assertThat(result.records().isEmpty() || !result.rejected()).isTrue();
        String[] lines = new String(mutated, StandardCharsets.UTF_8).split("\n", -1);
        for (Problem problem : result.problems()) {
          assertThat(problem.position().line())
              .as(problem.toString())
              .isLessThanOrEqualTo(lines.length);
        }
      }
    }
    // a WARC record around the page, mutated anywhere (headers, HTTP message, payload)
    byte[] page = Files.readAllBytes(Path.of("src/test/resources/fixtures/pages/graph.html"));
    String http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
            + page.length
            + "\r\n\r\n"
            + new String(page, StandardCharsets.UTF_8);
    String warc =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://f.example/a\r\n"
            + "WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + http.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + http
            + "\r\n\r\n";
    for (int round = 0; round < 150; round++) {
      byte[] mutated = mutate(warc.getBytes(StandardCharsets.UTF_8), random);
      ReadResult result = reader.read(mutated, Path.of("fuzz.warc"), "fuzz.warc");
      assertThat(result.records().isEmpty() || !result.rejected()).isTrue();
    }
  }

  @Test
  void canonicalUrlsAreIdempotent() {
    Random random = new Random(7L);
    String[] bases = {
      "https://www.example.com/a/b/",
      "http://Ex.example.org:80/x?utm_source=1&id=2#f",
      "https://www-a-com.cdn.ampproject.org/c/s/www.a.com/p/amp/?amp=1"
    };
    for (int round = 0; round < 3000; round++) {
      StringBuilder url = new StringBuilder(bases[random.nextInt(bases.length)]);
      for (int i = random.nextInt(4); i > 0; i--) {
        url.insert(
            random.nextInt(url.length() + 1), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String canonical;
      try {
        canonical = UrlLib.canonical(url.toString());
      } catch (IllegalArgumentException e) {
        continue; // refused with a reason: fine
      }
      assertThat(UrlLib.canonical(canonical)).as("canonical of %s", url).isEqualTo(canonical);
    }
  }

  private static byte[] mutate(byte[] seed, Random random) {
    String text = new String(seed, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(text);
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
        default -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(10) == 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x40));
    }
    return bytes;
  }
}
