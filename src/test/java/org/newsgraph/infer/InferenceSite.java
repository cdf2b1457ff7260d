package org.newsgraph.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small site for inference tests: two reports of one story (Zoox settles with Tesla), a press
 * release and its re-published copy (Acme's Widget Cloud), and an article on another subject.
 */
public final class InferenceSite {

  /** The press release text both widget records carry. */
  public static final String RELEASE =
      "Acme Robotics today announced Widget Cloud, a service that lets factories train and deploy"
          + " vision models on their own production lines without writing code.";

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

  /** Writes the five records into {@code site} and returns it. */
  public static Path write(Path site) throws IOException {
    record(
        site,
        "zoox",
        "Zoox settles trade secrets lawsuit with Tesla",
        "The self-driving startup Zoox agreed to settle the lawsuit Tesla filed over stolen data.",
        "2020-04-15T22:59:00Z",
        "reuters.example");
    record(
        site,
        "zoox-2",
        "Self-driving startup Zoox settles with Tesla over stolen data",
        "Zoox admitted former Tesla employees kept documents; the lawsuit is settled.",
        "2020-04-16T14:00:00Z",
        "motor.example");
    record(
        site,
        "widget",
        "Acme launches Widget Cloud",
        RELEASE,
        "2020-04-20T08:00:00Z",
        "acme.example");
    record(
        site,
        "widget-copy",
        "Widget Cloud from Acme Robotics now available",
        RELEASE,
        "2020-04-21T09:00:00Z",
        "wire.example");
    record(
        site,
        "bees",
        "How artificial intelligence can save the bees",
        "Beekeepers use sensors and machine learning to watch hive health.",
        "2020-04-16T10:00:00Z",
        "forbes.example");
    return site;
  }
}
