package dev.poolguard.rules.pool;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.List;

/** maxLifetime below 30 s, which HikariCP replaces with 30 min. */
public final class MaxLifetimeInvalid implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("max-lifetime-invalid")
          .title("Max lifetime that HikariCP will not use")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "HikariCP replaces a maxLifetime from 1 to 29999 ms with its default of 1800000 ms (30"
                  + " min) and only logs a warning (HikariCP issue 1464: a user lowered max-lifetime to"
                  + " stay under MySQL's wait_timeout and got 30 minutes instead). Connections then"
                  + " outlive the database's or proxy's idle limit and fail when next used.")
          .remediation(
              "Set max-lifetime to at least 30000 ms and a few seconds below the shortest connection"
                  + " limit on the path (database, proxy, NAT or load balancer), or raise that limit.")
          .example("spring:\n  datasource:\n    hikari:\n      max-lifetime: 20000\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    return Hikari.adjusted(
        context,
        HikariBehaviour.MAX_LIFETIME,
        a -> a.kind() == HikariBehaviour.Adjustment.Kind.RESET,
        Hikari::describe);
  }
}
