package dev.poolguard.core.rule;

import dev.poolguard.core.model.DeploymentModel;
import java.util.List;

/**
 * The outcome of one lint run, which every reporter renders.
 *
 * @param findings every finding, suppressed ones included, in {@link Finding#ORDER}
 * @param rules the metadata of every rule that was loaded, sorted by id
 * @param model the effective deployment model
 * @param notes what the run summary should mention (skipped templates, inert mounts), sorted
 * @param filesRead how many config files were read
 */
public record LintResult(
    List<Finding> findings,
    List<RuleInfo> rules,
    DeploymentModel model,
    List<String> notes,
    int filesRead) {

  public LintResult {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    notes = List.copyOf(notes);
  }

  /** Findings that count: not suppressed. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  public long count(Severity severity) {
    return active().stream().filter(f -> f.severity() == severity).count();
  }
}
