package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.ingest.IngestFixtures.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;

/**
 * Nothing is skipped in silence: every skipped file is counted by reason and named with --verbose.
 */
class SkippedFilesTest {

  @TempDir Path tmp;

  @Test
  void symlinkedRecordsAndFoldersAreFollowedAndLoopsAndBrokenLinksAreCountedByReason()
      throws IOException {
    Path records = Files.createDirectories(tmp.resolve("records"));
    for (int i = 0; i < 3; i++) {
      ManyDescriptionsTest.write(
          records.resolve("r" + i + ".md"),
          ManyDescriptionsTest.record("https://news.example.org/" + i, "", ""));
    }
    Path site = Files.createDirectories(tmp.resolve("site"));
    Files.createSymbolicLink(site.resolve("linked.md"), records.resolve("r0.md"));
    Files.createSymbolicLink(site.resolve("folder"), records);
    Files.createSymbolicLink(
        records.resolve("loop"), site); // site/folder/loop leads back into site
    Files.createSymbolicLink(site.resolve("gone.md"), tmp.resolve("nothing-here.md"));
    Files.writeString(site.resolve("logo.png"), "not a record");
    Cli.Result run =
        cli("ingest", "--verbose", "--db", tmp.resolve("db").toString(), site.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "ingest: 4 files read, 3 added",
            "3 skipped (1 not a record, 1 symbolic link loop, 1 broken symbolic link)");
    assertThat(run.err())
        .contains(
            "logo.png:1:1: note: skipped: not a record",
            "gone.md:1:1: note: skipped: broken symbolic link",
            "loop:1:1: note: skipped: symbolic link loop");
    Cli.Result quiet = cli("ingest", "--db", tmp.resolve("db2").toString(), site.toString());
    assertThat(quiet.err()).doesNotContain("note:");
  }

  @Test
  void aRecordFileThatIsNotTextIsAPositionedErrorNotASkip() throws IOException {
    Path site = Files.createDirectories(tmp.resolve("site"));
    ManyDescriptionsTest.write(
        site.resolve("ok.md"), ManyDescriptionsTest.record("https://news.example.org/1", "", ""));
    Files.write(
        site.resolve("r.md"),
        new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xC3, '\n', '-', '-', '-'});
    Files.write(site.resolve("p.json"), new byte[] {'{', 1, 2, 3, '}'});
    Files.write(site.resolve("n.yaml"), new byte[] {'t', 'i', 't', 'l', 'e', ':', 0, '\n'});
    Cli.Result run = cli("ingest", "--db", tmp.resolve("db").toString(), site.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .containsPattern("r\\.md:\\d+:\\d+: error: ")
        .containsPattern("p\\.json:\\d+:\\d+: error: ")
        .containsPattern("n\\.yaml:\\d+:\\d+: error: ")
        .contains("4 files read, 1 added", "3 rejected", "0 skipped");
  }
}
