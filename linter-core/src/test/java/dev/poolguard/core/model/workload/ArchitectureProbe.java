package dev.poolguard.core.model.workload;

import dev.poolguard.core.model.Value;

/**
 * A forbidden import, for {@code ForbiddenImportTest} only: a workload naming the model that holds
 * it, the package loop model ⇄ model.workload.
 */
final class ArchitectureProbe {

  private ArchitectureProbe() {}

  static String text(Value value) {
    return value.text();
  }
}
