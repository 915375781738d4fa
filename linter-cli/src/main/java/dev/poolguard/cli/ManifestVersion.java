package dev.poolguard.cli;

import picocli.CommandLine;

/** The version from the jar manifest, so it is written once, in the build. */
final class ManifestVersion implements CommandLine.IVersionProvider {

  static String version() {
    String v = ManifestVersion.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"poolguard " + version()};
  }
}
