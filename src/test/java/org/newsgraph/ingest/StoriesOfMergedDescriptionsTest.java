package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.ingest.IngestFixtures.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.generate.CorpusGenerator;
import org.newsgraph.model.Article;
import org.newsgraph.model.UrlLib;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.Record;
import org.newsgraph.source.RecordReader;
import org.newsgraph.vocab.IriFactory;

/**
 * Stories and citation counts see every description of an article: on a generated corpus with
 * re-saved copies (some carrying one more related article) and API pages repeating the records, the
 * stories and {@code top-linked} equal what an independent union-find over the records' own URLs
 * gives, computed from the files.
 */
class StoriesOfMergedDescriptionsTest {

  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);

  @TempDir Path tmp;

  @Test
  void storySizesAndCitationCountsEqualAUnionFindOverTheFiles() throws IOException {
    Path src = tmp.resolve("src");
    new CorpusGenerator(3, 0.2, true).generate(src, 0, 480);
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
      }
    }
    Links links = Links.of(src);
    assertThat(links.resavedLinks).as("re-saved copies add links").isPositive();
    for (String mode : new String[] {"--threads=2", "--no-bulk"}) {
      Path db = tmp.resolve("db" + mode);
      Cli.Result run =
          cli("ingest", mode, "--no-infer-links", "--db", db.toString(), src.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      List<String[]> stories =
          csv(
              cli(
                      "query",
                      "stories",
                      "--db",
                      db.toString(),
                      "--param",
                      "limit=100000",
                      "--format",
                      "csv")
                  .out());
      int size = List.of(stories.get(0)).indexOf("size");
      List<Integer> sizes = new ArrayList<>();
      stories.subList(1, stories.size()).forEach(r -> sizes.add(Integer.parseInt(r[size])));
      assertThat(sizes).as(mode).containsExactlyInAnyOrderElementsOf(links.storySizes());
      List<String[]> top =
          csv(
              cli(
                      "query",
                      "top-linked",
                      "--db",
                      db.toString(),
                      "--param",
                      "limit=50",
                      "--format",
                      "csv")
                  .out());
      int article = List.of(top.get(0)).indexOf("article");
      int citations = List.of(top.get(0)).indexOf("citations");
      assertThat(top).hasSize(51);
      for (String[] row : top.subList(1, top.size())) {
        assertThat(Integer.parseInt(row[citations]))
            .as(row[article])
            .isEqualTo(links.citing.get(row[article]).size());
      }
      assertThat(Integer.parseInt(top.get(1)[citations]))
          .isEqualTo(links.citing.values().stream().mapToInt(Set::size).max().orElseThrow());
    }
  }

  /** The links of every record and API item, by article IRI, and their union-find. */
  private static final class Links {
    final Map<String, String> parent = new HashMap<>();
    final Map<String, Set<String>> citing = new HashMap<>();
    int resavedLinks;

    static Links of(Path src) throws IOException {
      Links links = new Links();
      RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          ReadResult read = reader.read(f, f.toString());
          assertThat(read.problems()).as(f.toString()).isEmpty();
          for (Record record : read.records()) {
            links.add(record.article(), f.getFileName().toString().endsWith("-2.md"));
          }
        }
      }
      return links;
    }

    void add(Article a, boolean resaved) {
      String from = iri(a);
      find(from);
      for (Article r : a.related()) {
        String to = iri(r);
        union(from, to);
        if (!to.equals(from)
            && citing.computeIfAbsent(to, k -> new HashSet<>()).add(from)
            && resaved) {
          resavedLinks++;
        }
      }
    }

    List<Integer> storySizes() {
      Map<String, Integer> sizes = new HashMap<>();
      parent.keySet().forEach(n -> sizes.merge(find(n), 1, Integer::sum));
      return sizes.values().stream().filter(s -> s > 1).toList();
    }

    private static String iri(Article a) {
      return IRIS.article(UrlLib.canonical(a.identifyingUrl())).getURI();
    }

    private String find(String n) {
      parent.putIfAbsent(n, n);
      String root = n;
      while (!parent.get(root).equals(root)) {
        root = parent.get(root);
      }
      parent.put(n, root);
      return root;
    }

    private void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        parent.put(ra, rb);
      }
    }
  }

  private static List<String[]> csv(String text) {
    // The values compared here (IRIs, numbers, the header) hold no commas or quotes.
    return text.lines().map(l -> l.split(",", -1)).toList();
  }
}
