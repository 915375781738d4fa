package dev.poolguard.cli;

import dev.poolguard.core.report.ReportOptions;
import java.util.Optional;
import picocli.CommandLine;

/** The version from the jar manifest, so it is written once, in the build. */
final class ManifestVersion implements CommandLine.IVersionProvider {

  static String version() {
    return ReportOptions.toolVersion(Optional.empty(), ManifestVersion.class);
  }

  @Override
  public String[] getVersion() {
    return new String[] {"poolguard " + version()};
  }
}
