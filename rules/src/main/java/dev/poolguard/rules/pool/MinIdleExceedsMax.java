package dev.poolguard.rules.pool;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.List;

/** minimumIdle above maximumPoolSize: HikariCP clamps it to the maximum. */
public final class MinIdleExceedsMax implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("min-idle-exceeds-max")
          .title("Minimum idle exceeds the pool maximum")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "HikariCP silently sets minimumIdle to maximumPoolSize when it is larger, making the"
                  + " pool fixed-size. The configuration says one thing and the pool does another;"
                  + " often it means the maximum was lowered and the minimum was forgotten.")
          .remediation(
              "Lower minimum-idle to at most maximum-pool-size, or remove it: HikariCP recommends a"
                  + " fixed-size pool (minimum-idle unset).")
          .example(
              "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n      minimum-idle: 20\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    return Hikari.adjusted(
        context,
        HikariBehaviour.MINIMUM_IDLE,
        a -> a.kind() == HikariBehaviour.Adjustment.Kind.CLAMPED,
        (view, a) ->
            view.pool().property(HikariBehaviour.MINIMUM_IDLE)
                + " "
                + a.configured()
                + " exceeds maximum-pool-size "
                + view.outcome().effective(HikariBehaviour.MAXIMUM_POOL_SIZE)
                + ": HikariCP uses "
                + a.effective()
                + ", a fixed-size pool");
  }
}
