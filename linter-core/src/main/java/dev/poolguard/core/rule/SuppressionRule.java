package dev.poolguard.core.rule;

import java.util.List;

/**
 * A rule that judges the run's suppressions (inline ignores and waivers) instead of the
 * configuration. The engine first runs every other rule and matches their findings against the
 * suppressions; then it calls {@link #audit} with what it found. Findings of these rules can be
 * neither ignored inline nor waived: they are the audit trail of the suppressions themselves.
 */
public interface SuppressionRule extends Rule {

  /** The violations this rule sees in the suppressions of a run. */
  List<Violation> audit(SuppressionAudit audit);

  /** Suppression rules see nothing in the configuration itself. */
  @Override
  default List<Violation> check(LintContext context) {
    return List.of();
  }
}
