package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.RuleConfig;
import dev.poolguard.core.project.Waiver;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.text.Suggestions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What poolguard.yaml may name only once the run's rules are known: rule ids, thresholds, waivers.
 */
final class ConfigChecks {

  private ConfigChecks() {}

  /** A waiver must name a rule of the run, and not one that judges suppressions. */
  static void checkWaivers(PoolguardConfig config, Set<String> ids, Set<String> auditIds) {
    for (Waiver w : config.waivers()) {
      String where = w.positionOf("rule") + ": waivers: ";
      if (!ids.contains(w.rule())) {
        throw new LintException(
            where + "unknown rule id '" + w.rule() + "'" + Suggestions.didYouMean(w.rule(), ids));
      }
      if (auditIds.contains(w.rule())) {
        throw new LintException(
            where + w.rule() + " judges suppressions themselves and cannot be waived");
      }
    }
  }

  /** Rule ids and threshold names under {@code rules:} must exist. */
  static void checkRuleConfig(RuleSet rules, PoolguardConfig config) {
    for (Map.Entry<String, RuleConfig> e : config.rules().entrySet()) {
      Optional<Rule> rule = rules.find(e.getKey());
      String where = e.getValue().position().toString();
      if (rule.isEmpty()) {
        throw new LintException(
            where
                + ": rules: unknown rule id '"
                + e.getKey()
                + "'"
                + Suggestions.didYouMean(
                    e.getKey(), rules.infos().stream().map(RuleInfo::id).toList()));
      }
      List<String> options =
          rule.get().info().options().stream().map(RuleInfo.Option::key).toList();
      for (String key : e.getValue().thresholds().keySet()) {
        if (!options.contains(key)) {
          throw new LintException(
              e.getValue().positionOf(key)
                  + ": rules."
                  + e.getKey()
                  + ": unknown threshold '"
                  + key
                  + "'"
                  + Suggestions.didYouMean(key, options));
        }
      }
    }
  }
}
