package dev.poolguard.rules.pool;

import static dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment.Kind.STARTUP_FAILS;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.ArrayList;
import java.util.List;

/** connectionTimeout or validationTimeout in 1–249 ms: HikariCP's setter throws. */
public final class ConnectionTimeoutBelowMinimum implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("connection-timeout-below-minimum")
          .title("Connection or validation timeout below HikariCP's 250 ms floor")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "HikariCP's setConnectionTimeout and setValidationTimeout throw IllegalArgumentException"
                  + " for values from 1 to 249 ms (the floor is 250 ms). Spring binds the properties by"
                  + " calling those setters, so binding fails and the application does not start. A"
                  + " connectionTimeout of 0 means wait forever and is reported by"
                  + " connection-timeout-unbounded instead.")
          .remediation("Use 250 ms or more; the value is in milliseconds, so 2 seconds is 2000.")
          .example("spring:\n  datasource:\n    hikari:\n      connection-timeout: 100\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (String key :
        List.of(HikariBehaviour.CONNECTION_TIMEOUT, HikariBehaviour.VALIDATION_TIMEOUT)) {
      out.addAll(
          Hikari.adjusted(
              context,
              key,
              ConnectionTimeoutBelowMinimum::covers,
              (view, a) ->
                  view.pool().property(key)
                      + " "
                      + a.configured()
                      + " ms is below HikariCP's minimum of 250 ms: the setter throws and"
                      + " the application does not start"));
    }
    return out;
  }

  /** True when this rule, not invalid-pool-value, reports the adjustment. */
  public static boolean covers(HikariBehaviour.Adjustment a) {
    return a.kind() == STARTUP_FAILS
        && (a.key().equals(HikariBehaviour.CONNECTION_TIMEOUT)
            || a.key().equals(HikariBehaviour.VALIDATION_TIMEOUT))
        && a.configured() >= 1
        && a.configured() <= 249;
  }
}
