package dev.poolguard.core.rule;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.capacity.CapacityAnalysis;
import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.project.PoolguardConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a rule may read: the loaded files (with their load problems), the effective model, and
 * the thresholds configured under {@code rules:}.
 *
 * @param files every config file read, sorted by display path
 * @param model the effective deployment model
 * @param ruleOptions thresholds per rule id, as configured
 * @param project the run's {@code poolguard.yaml}: services, capacity model, policy (empty defaults
 *     when there is none)
 * @param baseline the baseline model and its changes, when the run has a baseline
 * @param capacity the run's capacity figures, worked out once before any rule runs
 */
public record LintContext(
    List<ConfigFile> files,
    DeploymentModel model,
    Map<String, Map<String, Double>> ruleOptions,
    PoolguardConfig project,
    Optional<BaselineView> baseline,
    CapacityAnalysis capacity) {

  public LintContext {
    files = List.copyOf(files);
    Objects.requireNonNull(model, "model");
    ruleOptions = Map.copyOf(ruleOptions);
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(capacity, "capacity");
  }

  /** A threshold of {@code rule}: the configured value, else the option's default. */
  public double option(RuleInfo rule, String key) {
    RuleInfo.Option declared =
        rule.options().stream()
            .filter(o -> o.key().equals(key))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(rule.id() + " has no option " + key));
    return ruleOptions.getOrDefault(rule.id(), Map.of()).getOrDefault(key, declared.defaultValue());
  }
}
