package io.github.bratsensemble.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "development build" when run from classes. */
final class VersionProvider implements IVersionProvider {

  static String version() {
    String version = BratsEnsemble.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"brats-ensemble " + version(), "Java " + System.getProperty("java.version")};
  }
}
