package dev.poolguard.rules.pool;

import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.ArrayList;
import java.util.List;

/** connectionTimeout 0: a request waits forever for a connection. */
public final class ConnectionTimeoutUnbounded implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("connection-timeout-unbounded")
          .title("Connection timeout 0 makes requests wait forever")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "HikariCP treats connectionTimeout 0 as 'wait forever'. When the pool runs dry at peak"
                  + " load, request threads then block indefinitely instead of failing fast, the"
                  + " server's thread pool fills up, and health checks start failing: a saturated pool"
                  + " turns into a full outage.")
          .remediation(
              "Set a bounded timeout, shorter than the request timeout of the callers (for example"
                  + " 2000 to 10000 ms), so an exhausted pool fails requests quickly and visibly.")
          .example("spring:\n  datasource:\n    hikari:\n      connection-timeout: 0\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (Hikari.View view : Hikari.views(context)) {
      view.set(HikariBehaviour.CONNECTION_TIMEOUT)
          .filter(s -> s.value().asLong().getAsLong() == 0)
          .ifPresent(
              s ->
                  out.add(
                      view.pool()
                          .at(
                              s,
                              view.pool().property(HikariBehaviour.CONNECTION_TIMEOUT)
                                  + " 0 means wait forever: when the pool is exhausted, requests"
                                  + " hang instead of failing fast")));
    }
    return out;
  }
}
