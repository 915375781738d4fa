package dev.poolguard.rules.integrity;

import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Settings;
import java.util.ArrayList;
import java.util.List;

/** A pool setting whose placeholder nothing provides. */
public final class UnresolvedPlaceholder implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("unresolved-placeholder")
          .title("Pool setting uses a placeholder that nothing provides")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "A pool setting written as ${NAME} without a default takes its value from wherever NAME"
                  + " is defined at deployment. When no config file, environment variable or system"
                  + " property poolguard can see provides NAME, the pool size or timeout the service"
                  + " will run with is unknown before deployment, and Spring or Quarkus fails to start if"
                  + " NAME is missing there too. Only placeholders in pool settings are reported.")
          .remediation(
              "Give the placeholder a default (${NAME:20}), or define NAME where the deployment sets"
                  + " it (the container env in the manifest) so the value can be checked.")
          .example("spring:\n  datasource:\n    hikari:\n      maximum-pool-size: ${POOL_MAX}\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (PoolKind kind : List.of(PoolKind.HIKARI, PoolKind.AGROAL)) {
      out.addAll(Settings.each(context, kind, UnresolvedPlaceholder::unresolved));
    }
    return out;
  }

  private static void unresolved(Settings.Pool pool, List<Violation> out) {
    for (PoolSetting s : pool.dataSource().settings()) {
      s.value()
          .unknown()
          .filter(u -> u.cause() == Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER)
          .ifPresent(
              u ->
                  out.add(
                      pool.at(
                          s,
                          s.property()
                              + " is "
                              + s.value().origin().text()
                              + ", and nothing provides "
                              + u.name()
                              + ": the effective value is unknown before deployment")));
    }
  }
}
