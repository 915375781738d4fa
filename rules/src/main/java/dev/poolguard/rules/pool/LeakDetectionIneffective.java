package dev.poolguard.rules.pool;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.List;

/** leakDetectionThreshold set but disabled by HikariCP. */
public final class LeakDetectionIneffective implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("leak-detection-ineffective")
          .title("Leak detection threshold that HikariCP disables")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "HikariCP disables leak detection when leakDetectionThreshold is below 2000 ms or above"
                  + " maxLifetime, logging only a warning. Connection leaks, a common cause of pool"
                  + " exhaustion, then go unreported.")
          .remediation(
              "Use a leak-detection-threshold of at least 2000 ms and no more than max-lifetime, or"
                  + " remove it.")
          .example("spring:\n  datasource:\n    hikari:\n      leak-detection-threshold: 500\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    return Hikari.adjusted(
        context,
        HikariBehaviour.LEAK_DETECTION_THRESHOLD,
        a -> a.kind() == HikariBehaviour.Adjustment.Kind.DISABLED,
        Hikari::describe);
  }
}
