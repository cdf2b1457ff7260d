package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton's promises, driven through the command line on the repository's seeds. */
class WalkingSkeletonTest {

  private static final String SEED_URL = "https://www.globaltimes.cn/page/202103/1217051.shtml";

  @TempDir Path dir;

  private String db() {
    return dir.resolve("db").toString();
  }

  @Test
  void coverageOfTheSeedListsItsSixRelatedArticles() {
    Cli.Result ingest = Cli.run("ingest", "--db", db(), "seeds");
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    assertThat(ingest.err()).contains("4 files read, 4 added, 0 replaced, 0 unchanged, 0 rejected");

    Cli.Result query =
        Cli.run(
            "query", "coverage", "--db", db(), "--param", "article=" + SEED_URL, "--format", "csv");
    assertThat(query.exit()).as(query.err()).isZero();
    List<String> rows = query.out().lines().skip(1).map(WalkingSkeletonTest::withoutIri).toList();
    // Read off the seed record by hand: provider, title and date of each related entry.
    assertThat(rows)
        .containsExactly(
            "cites,Facebook Facial Recognition Lawsuit: Social Media Giant To Pay $650 Million Settlement Fee,RepublicWorld,2021-03-02T12:38:00Z",
            "cites,Congress to renew fight over facial recognition ban,National Journal,2021-03-02T17:18:00Z",
            "cites,Hunting Sexual Predators A Political Fight in Facial Recognition Legislation,Newsweek,2021-03-02T22:00:00Z",
            "cites,BLEND scores $10M to help global brands from getting lost in translation,Geektime,2021-03-03T06:13:00Z",
            "cites,Leading facial recognition technology provider Corsight AI announces expansion into the Asia Pacific region,PR Newswire,2021-03-03T10:30:00Z",
            "cites,New Affiliation Agreement Brings Together Industry-Leading Incentive and Recognition Associations,WFMZ-TV,2021-03-03T16:53:00Z");
  }

  @Test
  void urlVariantsOfOneArticleMeetOnOneNodeAndLinksRunBothWays() {
    assertThat(Cli.run("ingest", "--db", db(), "seeds").exit()).isZero();
    // The Newsweek article is reached through its AMP-cache URL; the Verge record cites it that
    // way,
    // the Geektime record cites it with a trailing slash, the seed with its plain URL.
    String amp =
        "https://www-newsweek-com.cdn.ampproject.org/c/s/www.newsweek.com/"
            + "hunting-sexual-predators-political-fight-facial-recognition-legislation-1573303?amp=1";
    Cli.Result query =
        Cli.run("query", "coverage", "--db", db(), "--param", "article=" + amp, "-f", "csv");
    assertThat(query.exit()).as(query.err()).isZero();
    assertThat(query.out().lines().skip(1).map(WalkingSkeletonTest::withoutIri).toList())
        .containsExactly(
            "cited-by,Law on collection of facial recognition data to be proposed at two sessions,Global Times,2021-03-02T10:36:00Z",
            "cites,Lawmakers weigh limits on police use of face recognition,WIRED,2021-03-02T15:40:00Z",
            "cited-by,BLEND scores $10M to help global brands from getting lost in translation,Geektime,2021-03-03T06:13:00Z",
            "cites,BLEND scores $10M to help global brands from getting lost in translation,Geektime,2021-03-03T06:13:00Z",
            "cited-by,Why face recognition bans keep stalling — a video explainer,The Verge,2021-03-04T12:00:00-05:00");
  }

  @Test
  void reingestingTheSeedsLeavesTheRecordGraphsUnchanged() {
    assertThat(Cli.run("ingest", "--db", db(), "seeds").exit()).isZero();
    String first = recordQuads();
    assertThat(Cli.run("ingest", "--db", db(), "seeds").exit()).isZero();
    assertThat(recordQuads()).isEqualTo(first).isNotEmpty();
  }

  @Test
  void aMalformedRecordIsReportedWithItsPositionAndTheGoodOnesAreStored() throws IOException {
    Path site = dir.resolve("site");
    Files.createDirectories(site);
    Files.copy(Path.of("seeds/2021-03-03-geektime-blend-funding.md"), site.resolve("good.md"));
    Path bad = site.resolve("bad.md");
    Files.writeString(
        bad,
        String.join(
            "\n",
            "---",
            "title: \"Broken\"",
            "webUrl: \"https://example.org/broken\"",
            "topics:",
            "  - AI",
            " provider: {name: X, domain: example.org}",
            "---",
            ""));
    Cli.Result ingest = Cli.run("ingest", "--db", db(), site.toString());
    assertThat(ingest.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(ingest.err().lines().filter(l -> l.contains(": error: ")).toList())
        .containsExactly(
            bad
                + ":6:2: error: malformed YAML: while parsing a block mapping: "
                + "expected <block end>, but found '<block mapping start>'");
    assertThat(ingest.err()).contains("2 files read, 1 added, 0 replaced, 0 unchanged, 1 rejected");
    Cli.Result titles =
        Cli.run(
            "query",
            "--db",
            db(),
            "-f",
            "csv",
            "PREFIX schema: <http://schema.org/> SELECT DISTINCT ?t WHERE { ?a schema:headline ?t } ORDER BY ?t");
    assertThat(titles.out().lines().skip(1).toList())
        .containsExactly(
            "BLEND scores $10M to help global brands from getting lost in translation",
            "Hunting Sexual Predators A Political Fight in Facial Recognition Legislation");
  }

  @Test
  void aFileOverTheSizeCapIsRefusedBeforeParsingAndTheOthersAreStored() throws IOException {
    Path site = dir.resolve("site");
    Files.createDirectories(site);
    Path big = site.resolve("big.md");
    Files.copy(Path.of("seeds/000_1ca178d75c94ebc8.md"), big);
    Files.copy(Path.of("seeds/2021-03-03-geektime-blend-funding.md"), site.resolve("small.md"));
    Cli.Result ingest = Cli.run("ingest", "--db", db(), "--max-file-size", "2000", site.toString());
    assertThat(ingest.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(ingest.err().lines().filter(l -> l.contains(": error: ")).toList())
        .containsExactly(
            big
                + ":1:1: error: file is "
                + Files.size(big)
                + " bytes, more than the limit of 2000 bytes (raise it with --max-file-size)");
    assertThat(ingest.err()).contains("2 files read, 1 added, 0 replaced, 0 unchanged, 1 rejected");
  }

  @Test
  void aRecordOnStandardInputIsIngested() throws IOException {
    String record = Files.readString(Path.of("seeds/000_1ca178d75c94ebc8.md"));
    Cli.Result ingest = Cli.runWithInput(record, "ingest", "--db", db(), "-");
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    Cli.Result query =
        Cli.run("query", "coverage", "--db", db(), "--param", "article=" + SEED_URL, "-f", "tsv");
    assertThat(query.out().lines().count()).isEqualTo(7);
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhatIsKnown() {
    Cli.Result unknown = Cli.run("query", "no-such-query", "--db", db());
    assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no named query 'no-such-query'").contains("coverage");
    Cli.Result missing = Cli.run("query", "coverage", "--db", db());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("needs --param article=");
    Cli.Result badFormat = Cli.run("export", "--db", db(), "--format", "xlsx");
    assertThat(badFormat.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badFormat.err()).contains("unknown export format 'xlsx'");
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aQueryFileNamedWithAnAtSignIsRun() throws IOException {
    assertThat(Cli.run("ingest", "--db", db(), "seeds").exit()).isZero();
    Path file = dir.resolve("providers.rq");
    Files.writeString(
        file,
        "PREFIX news: <https://w3id.org/newsgraph/ns#>\n"
            + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a news:Provider }\n");
    Cli.Result run = Cli.run("query", "@" + file, "--db", db(), "-f", "csv");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly("n", "9");
  }

  @Test
  void queriesListsTheCatalogWithParameters() {
    Cli.Result list = Cli.run("queries");
    assertThat(list.exit()).isZero();
    assertThat(list.out())
        .contains("coverage — ")
        .contains("--param article=<article>  (required)");
  }

  /** Drops the article IRI column (a hash) so that rows read as what a person checks. */
  private static String withoutIri(String csvRow) {
    List<String> cells = Arrays.asList(csvRow.split(",", -1));
    return cells.get(0) + "," + String.join(",", cells.subList(2, cells.size()));
  }

  /** The store's record graphs as sorted N-Quads lines (run metadata left out). */
  private String recordQuads() {
    Cli.Result export = Cli.run("export", "--db", db(), "-f", "nq");
    assertThat(export.exit()).isZero();
    return export
        .out()
        .lines()
        .filter(l -> !l.contains("/graph/meta>"))
        .sorted()
        .collect(Collectors.joining("\n"));
  }
}
