package org.newsgraph.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small site for inference tests ({@code src/test/resources/fixtures/inference}, also the example
 * of docs/stories.md): two reports of one story (Zoox settles with Tesla), a press release and its
 * re-published copy (Acme's Widget Cloud), and an article on another subject.
 */
public final class InferenceSite {

  /** The first Zoox report's URL. */
  public static final String ZOOX = "https://reuters.example/zoox";

  /** The widget copy's URL. */
  public static final String WIDGET_COPY = "https://wire.example/widget-copy";

  private InferenceSite() {}

  /** Writes one record file. */
  public static void record(
      Path folder, String name, String title, String excerpt, String when, String domain)
      throws IOException {
    Files.createDirectories(folder.resolve("_news"));
    Files.writeString(
        folder.resolve("_news/" + name + ".md"),
        "---\ntitle: \""
            + title
            + "\"\nexcerpt: \""
            + excerpt
            + "\"\npublishedDateTime: "
            + when
            + "\nwebUrl: \"https://"
            + domain
            + "/"
            + name
            + "\"\nprovider:\n  name: "
            + domain
            + "\n  domain: "
            + domain
            + "\n---\n");
  }

  /** The fixture folder holding the site's records. */
  public static final Path FOLDER = Path.of("src/test/resources/fixtures/inference");

  /** Copies the five records into {@code site} and returns it. */
  public static Path write(Path site) throws IOException {
    Files.createDirectories(site.resolve("_news"));
    try (var files = Files.list(FOLDER.resolve("_news"))) {
      for (Path file : files.toList()) {
        Files.copy(file, site.resolve("_news").resolve(file.getFileName()));
      }
    }
    return site;
  }
}
