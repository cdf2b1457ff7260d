package org.newsgraph.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;
import org.newsgraph.model.UrlLib;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.Record;
import org.newsgraph.source.RecordReader;

class CorpusGeneratorTest {

  @TempDir Path tmp;

  @Test
  void recordsReadCleanlyInTheRealFormatWithStoriesProvidersAndUrlVariants() throws Exception {
    Cli.Result run =
        IngestFixtures.cli(
            "generate", "--count", "320", "--seed", "3", "--out", tmp.resolve("a").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    List<Record> records =
        files(tmp.resolve("a")).stream()
            .map(
                f -> {
                  ReadResult result = reader.read(f, f.toString());
                  assertThat(result.problems()).as(f.toString()).isEmpty();
                  return result.records().get(0);
                })
            .toList();
    assertThat(records).hasSize(320);

    Map<String, Long> perProvider =
        records.stream()
            .collect(
                Collectors.groupingBy(r -> r.article().provider().domain(), Collectors.counting()));
    long top = perProvider.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(top).as("long tail: the biggest provider has many records").isGreaterThan(10);
    assertThat(perProvider.values()).as("long tail: many providers have one").contains(1L);

    Map<String, Record> byUrl =
        records.stream()
            .collect(
                Collectors.toMap(r -> UrlLib.canonical(r.article().webUrl()), Function.identity()));
    long citingRecords =
        records.stream()
            .flatMap(r -> r.article().related().stream())
            .filter(rel -> byUrl.containsKey(UrlLib.canonical(rel.webUrl())))
            .count();
    assertThat(citingRecords).as("records cite other records of their story").isGreaterThan(100);
    Map<String, Long> outside =
        records.stream()
            .flatMap(r -> r.article().related().stream())
            .map(rel -> UrlLib.canonical(rel.webUrl()))
            .filter(u -> !byUrl.containsKey(u))
            .collect(Collectors.groupingBy(u -> u, Collectors.counting()));
    assertThat(outside.values())
        .as("outside articles cited by several records")
        .anyMatch(n -> n > 1);
    List<String> cited =
        records.stream()
            .flatMap(r -> r.article().related().stream())
            .map(rel -> rel.webUrl())
            .toList();
    assertThat(cited)
        .anyMatch(u -> u.startsWith("http://"))
        .anyMatch(u -> u.endsWith("/"))
        .anyMatch(u -> u.contains("utm_source="));
    assertThat(records).anyMatch(r -> r.article().title().codePoints().anyMatch(c -> c > 0x2000));

    // A record cited by another is repeated as it is: its headline, excerpt and date.
    records.stream()
        .flatMap(r -> r.article().related().stream())
        .filter(rel -> byUrl.containsKey(UrlLib.canonical(rel.webUrl())))
        .forEach(
            rel -> {
              var own = byUrl.get(UrlLib.canonical(rel.webUrl())).article();
              assertThat(rel.title()).isEqualTo(own.title());
              assertThat(rel.excerpt()).isEqualTo(own.excerpt());
              assertThat(rel.publishedDateTime()).isEqualTo(own.publishedDateTime());
            });
    // Reports of one story share its words; some republish its wire text word for word.
    Map<String, Long> sameExcerpt =
        records.stream()
            .collect(Collectors.groupingBy(r -> r.article().excerpt(), Collectors.counting()));
    assertThat(sameExcerpt.values()).as("wire copies").anyMatch(n -> n > 1);
  }

  @Test
  void reSavedCopiesAndApiPagesRepeatTheRecordsAndReadCleanly() throws Exception {
    Cli.Result run =
        IngestFixtures.cli(
            "generate",
            "--count",
            "60",
            "--seed",
            "3",
            "--resaved",
            "0.3",
            "--api-pages",
            "--out",
            tmp.resolve("a").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
    List<Path> all = files(tmp.resolve("a"));
    long copies = all.stream().filter(f -> f.toString().endsWith(".md")).count() - 60;
    List<Path> pages = all.stream().filter(f -> f.toString().endsWith(".json")).toList();
    assertThat(copies).as("about 30% re-saved").isBetween(8L, 30L);
    assertThat(pages).as("20 records a page").hasSize(3);
    Map<String, Long> descriptions =
        all.stream()
            .flatMap(
                f -> {
                  ReadResult result = reader.read(f, f.toString());
                  assertThat(result.problems()).as(f.toString()).isEmpty();
                  return result.records().stream();
                })
            .collect(
                Collectors.groupingBy(
                    r -> UrlLib.canonical(r.article().webUrl()), Collectors.counting()));
    assertThat(descriptions).as("60 articles").hasSize(60);
    assertThat(descriptions.values().stream().mapToLong(Long::longValue).sum())
        .as("each record once in its file, once in a page, and once more per re-saved copy")
        .isEqualTo(120 + copies);
  }

  @Test
  void aRecordDependsOnlyOnTheSeedAndItsIndex() throws Exception {
    IngestFixtures.cli("generate", "--count", "40", "--out", tmp.resolve("a").toString());
    IngestFixtures.cli("generate", "--count", "20", "--out", tmp.resolve("b").toString());
    IngestFixtures.cli(
        "generate", "--first", "20", "--count", "20", "--out", tmp.resolve("b").toString());
    List<Path> a = files(tmp.resolve("a"));
    List<Path> b = files(tmp.resolve("b"));
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(tmp.resolve("a").relativize(a.get(i)))
          .isEqualTo(tmp.resolve("b").relativize(b.get(i)));
      assertThat(Files.readString(b.get(i), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(a.get(i), StandardCharsets.UTF_8));
    }
  }

  static List<Path> files(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
