package org.newsgraph.cli;

import org.newsgraph.model.Versions;
import picocli.CommandLine.IVersionProvider;

/** Reports the versions of newsgraph, of Apache Jena and of Java it runs on. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "newsgraph "
          + Versions.newsgraph()
          + " (Apache Jena "
          + Versions.jena()
          + ", Java "
          + Runtime.version()
          + ")"
    };
  }
}
