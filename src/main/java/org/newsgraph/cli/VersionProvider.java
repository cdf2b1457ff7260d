package org.newsgraph.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = NewsgraphCommand.class.getPackage().getImplementationVersion();
    return new String[] {"newsgraph " + (version != null ? version : "development")
        + " (Apache Jena " + org.apache.jena.sys.JenaSystem.class.getPackage().getImplementationVersion() + ")"};
  }
}
