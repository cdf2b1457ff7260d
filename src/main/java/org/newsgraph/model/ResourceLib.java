package org.newsgraph.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the text resources shipped in the jar (queries, ontology, shapes, link sets). */
public final class ResourceLib {

  private ResourceLib() {}

  /**
   * The UTF-8 text of a shipped resource.
   *
   * @param path the absolute resource path, starting with {@code /}
   * @return its text
   * @throws IllegalStateException when the resource is missing: a build defect, not a user error
   */
  public static String text(String path) {
    try (InputStream in = ResourceLib.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing shipped resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
