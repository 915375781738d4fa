package dev.poolguard.rules.pool;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.List;

/** keepaliveTime set but disabled by HikariCP. */
public final class KeepaliveIneffective implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("keepalive-ineffective")
          .title("Keepalive time that HikariCP disables")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "HikariCP disables keepaliveTime when it is below 30000 ms or not below maxLifetime,"
                  + " logging only a warning (HikariCP issue 2101: a user set 10000 and got no"
                  + " keepalives). Idle connections are then not pinged, and a NAT gateway or load"
                  + " balancer that drops idle flows kills them silently.")
          .remediation(
              "Use a keepalive-time of at least 30000 ms, shorter than max-lifetime and than the"
                  + " shortest idle timeout on the network path.")
          .example("spring:\n  datasource:\n    hikari:\n      keepalive-time: 10000\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    return Hikari.adjusted(
        context,
        HikariBehaviour.KEEPALIVE_TIME,
        a -> a.kind() == HikariBehaviour.Adjustment.Kind.DISABLED,
        Hikari::describe);
  }
}
