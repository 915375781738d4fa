package dev.poolguard.core.config;

import dev.poolguard.core.report.Reporters;

/**
 * A forbidden import, for {@code ForbiddenImportTest} only: a loader reaching up to the reports.
 */
final class ArchitectureProbe {

  private ArchitectureProbe() {}

  static int formats() {
    return Reporters.all().size();
  }
}
