package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unknown key is reported once per run, at its first file:line, and counted in the summary. */
class UnknownKeyReportTest {

  @TempDir Path dir;

  @Test
  void eachUnknownKeyIsReportedOnceAndCounted() throws IOException {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(
        site.resolve("a.md"), "---\ntitle: a\nwebUrl: https://a.example.com/1\nmood: x\n---\n");
    Files.writeString(
        site.resolve("b.md"),
        "---\ntitle: b\nwebUrl: https://a.example.com/2\nmood: y\n"
            + "provider:\n  domain: a.example.com\n  mood: z\n---\n");
    Cli.Result run =
        Cli.run(
            "ingest",
            "--db",
            dir.resolve("db").toString(),
            site.resolve("a.md").toString(),
            site.resolve("b.md").toString());
    assertThat(run.err().lines().filter(l -> l.contains("warning: unknown key")))
        .containsExactly(
            site.resolve("a.md") + ":4:1: warning: unknown key 'mood' in article (not mapped)",
            site.resolve("b.md") + ":7:3: warning: unknown key 'mood' in provider (not mapped)");
    assertThat(run.err())
        .contains(
            "2 added, 0 replaced, 0 unchanged, 0 rejected, 0 removed, 0 skipped, 2 warnings (2 unknown keys)");
    assertThat(run.exit()).isZero();
  }
}
