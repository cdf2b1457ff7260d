package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;

/**
 * A rejected file is remembered with its problems: while it is unchanged, each run reports it
 * again, exactly as the first time, without parsing it; once it changes it is read again, and once
 * it is fixed it is stored.
 */
class RejectedFilesTest {

  private static final String GOOD =
      "<rss version=\"2.0\"><channel><title>Pier</title><link>https://pier.example/</link>"
          + "<item><title>Ferry times</title><link>https://pier.example/ferry</link>"
          + "<pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>";

  // Cut short after the item's title: malformed XML.
  private static final String CUT =
      "<rss version=\"2.0\"><channel><title>Pier</title><link>https://pier.example/</link>"
          + "<item><title>Ferry times</title>";

  private static final Instant HOUR_AGO = Instant.now().minusSeconds(3600);

  @TempDir Path tmp;

  @Test
  void anUnchangedRejectedFileIsReportedAgainAsItWasWithoutBeingParsed() throws IOException {
    Path site = tmp.resolve("site");
    write(site.resolve("good.xml"), GOOD, HOUR_AGO);
    Path cut = site.resolve("cut.xml");
    write(cut, CUT, HOUR_AGO);
    String db = tmp.resolve("db").toString();

    Cli.Result first = ingest(db, site);
    assertEquals(ExitCodes.REJECTED, first.exit(), first.err());
    String error = errorLines(first);
    assertTrue(error.contains("cut.xml:1:") && error.contains("error: malformed XML"), error);
    assertTrue(first.err().contains("1 rejected"), first.err());

    // Batched runs (the store holds data): the same report, the same exit code, each time.
    for (int run = 0; run < 2; run++) {
      Cli.Result again = ingest(db, site);
      assertEquals(ExitCodes.REJECTED, again.exit(), again.err());
      assertEquals(error, errorLines(again));
      assertTrue(
          again.err().contains("2 files read, 0 added, 0 replaced, 1 unchanged, 1 rejected"),
          again.err());
    }

    // Other bytes of the same size under the same modification time (what only a program that
    // sets the time back does): the stamp says unchanged, so the file is not read and the
    // remembered problems are reported, not those of the new bytes.
    String other = CUT.replace("Ferry times", "Ferry tim<s");
    assertEquals(CUT.length(), other.length());
    write(cut, other, HOUR_AGO);
    assertEquals(error, errorLines(ingest(db, site)));

    // Touched: read and hashed, and its bytes are not those remembered: parsed again.
    write(cut, other, HOUR_AGO.plusSeconds(60));
    String now = errorLines(ingest(db, site));
    assertFalse(now.equals(error), now);
    assertTrue(now.contains("cut.xml:1:"), now);

    // Fixed: stored, and no longer reported.
    write(cut, GOOD.replace("ferry", "tide"), HOUR_AGO.plusSeconds(120));
    Cli.Result fixed = ingest(db, site);
    assertEquals(ExitCodes.OK, fixed.exit(), fixed.err());
    assertTrue(fixed.err().contains("1 added"), fixed.err());
    assertEquals("", errorLines(ingest(db, site)));
  }

  @Test
  void aRejectedFileTouchedButUnchangedIsReportedAgainFromItsHash() throws IOException {
    Path site = tmp.resolve("site");
    Path cut = site.resolve("cut.xml");
    write(cut, CUT, HOUR_AGO);
    write(site.resolve("good.xml"), GOOD, HOUR_AGO);
    String db = tmp.resolve("db").toString();
    String error = errorLines(ingest(db, site));
    assertEquals(error, errorLines(ingest(db, site)));
    write(cut, CUT, HOUR_AGO.plusSeconds(60)); // same bytes, new time
    Cli.Result touched = ingest(db, site);
    assertEquals(ExitCodes.REJECTED, touched.exit(), touched.err());
    assertEquals(error, errorLines(touched));
    assertTrue(touched.err().contains("1 rejected"), touched.err());
  }

  @Test
  void aFileThatTurnsBadIsRememberedAndTheStoreKeepsItsLastGoodVersion() throws IOException {
    Path site = tmp.resolve("site");
    Path feed = site.resolve("feed.xml");
    write(feed, GOOD, HOUR_AGO);
    String db = tmp.resolve("db").toString();
    assertEquals(ExitCodes.OK, ingest(db, site).exit());
    List<String> stored = FeedIngestTest.rows(db, "SELECT ?h { ?a schema:headline ?h }");
    write(feed, CUT, HOUR_AGO.plusSeconds(60));
    String error = errorLines(ingest(db, site));
    assertTrue(error.contains("malformed XML"), error);
    Cli.Result again = ingest(db, site);
    assertEquals(ExitCodes.REJECTED, again.exit());
    assertEquals(error, errorLines(again));
    assertEquals(stored, FeedIngestTest.rows(db, "SELECT ?h { ?a schema:headline ?h }"));
    // Back to the version the store holds: unchanged, nothing to report.
    write(feed, GOOD, HOUR_AGO.plusSeconds(120));
    Cli.Result back = ingest(db, site);
    assertEquals(ExitCodes.OK, back.exit(), back.err());
    assertTrue(back.err().contains("1 unchanged, 0 rejected"), back.err());
  }

  private static Cli.Result ingest(String db, Path site) {
    return Cli.run("ingest", "--no-infer-links", "--db", db, site.toString());
  }

  /** The error and warning lines of a run, in order (the summary left out). */
  private static String errorLines(Cli.Result run) {
    return String.join(
        "\n",
        run.err()
            .lines()
            .filter(l -> l.contains(": error: ") || l.contains(": warning: "))
            .toList());
  }

  private static void write(Path file, String text, Instant modified) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }
}
