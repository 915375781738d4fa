package dev.poolguard.rules.pool;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.List;
import java.util.Set;

/** leakDetectionThreshold set but disabled by HikariCP. */
public final class LeakDetectionIneffective implements Rule {

  static final RuleInfo INFO =
      RuleInfo.of(
          "leak-detection-ineffective",
          "Leak detection threshold that HikariCP disables",
          Severity.WARNING,
          Set.of(RuleInfo.Need.CONFIG),
          "HikariCP disables leak detection when leakDetectionThreshold is below 2000 ms or above"
              + " maxLifetime, logging only a warning. Connection leaks, a common cause of pool"
              + " exhaustion, then go unreported.",
          "Use a leak-detection-threshold of at least 2000 ms and no more than max-lifetime, or"
              + " remove it.",
          "spring:\n  datasource:\n    hikari:\n      leak-detection-threshold: 500\n");

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
