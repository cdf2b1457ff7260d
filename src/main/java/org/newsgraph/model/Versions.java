package org.newsgraph.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions newsgraph runs with: its own, from the jar manifest ("development" when run from
 * classes), and Apache Jena's, from Jena's Maven metadata, which the shaded jar keeps (Jena's
 * manifests do not survive shading, so Jena's own version lookups report newsgraph's version
 * there).
 */
public final class Versions {

  private static final String JENA_POM = "/META-INF/maven/org.apache.jena/jena-core/pom.properties";

  private Versions() {}

  /** newsgraph's version, such as {@code 0.1.0}, or {@code development}. */
  public static String newsgraph() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version != null ? version : "development";
  }

  /** Apache Jena's version, such as {@code 5.6.0}, or {@code unknown}. */
  public static String jena() {
    try (InputStream in = Versions.class.getResourceAsStream(JENA_POM)) {
      if (in == null) {
        return "unknown";
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
