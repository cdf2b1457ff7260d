package org.newsgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Reports newsgraph's version from the jar manifest ("development" when run from classes) and the
 * versions of Apache Jena and Java it runs on. Jena's own version is read from its Maven metadata,
 * which the shaded jar keeps (its manifest does not survive shading).
 */
public final class VersionProvider implements IVersionProvider {

  private static final String JENA_POM = "/META-INF/maven/org.apache.jena/jena-core/pom.properties";

  @Override
  public String[] getVersion() {
    String version = NewsgraphCommand.class.getPackage().getImplementationVersion();
    return new String[] {"newsgraph " + (version != null ? version : "development")
        + " (Apache Jena " + jenaVersion() + ", Java " + Runtime.version() + ")"};
  }

  private static String jenaVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(JENA_POM)) {
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
