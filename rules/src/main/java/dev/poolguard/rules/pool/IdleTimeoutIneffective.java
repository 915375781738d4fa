package dev.poolguard.rules.pool;

import static dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment.Kind.DISABLED;
import static dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment.Kind.IGNORED;
import static dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment.Kind.RESET;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.List;

/** idleTimeout set but reset, disabled or ignored by HikariCP. */
public final class IdleTimeoutIneffective implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("idle-timeout-ineffective")
          .title("Idle timeout that HikariCP resets, disables or ignores")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "HikariCP applies idleTimeout only when minimumIdle is below maximumPoolSize; on a"
                  + " fixed-size pool (the default) it is ignored. Where it applies, a value below"
                  + " 10000 ms is replaced with 600000 ms, and a value within one second of maxLifetime"
                  + " is disabled. Either way idle connections are not retired when the configuration"
                  + " says they are.")
          .remediation(
              "Remove idle-timeout from a fixed-size pool, or set minimum-idle below"
                  + " maximum-pool-size and use an idle-timeout of at least 10000 ms that is more than"
                  + " one second shorter than max-lifetime.")
          .example("spring:\n  datasource:\n    hikari:\n      idle-timeout: 5000\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    return Hikari.adjusted(
        context,
        HikariBehaviour.IDLE_TIMEOUT,
        Hikari.ofKind(RESET, DISABLED, IGNORED),
        Hikari::describe);
  }
}
