package dev.poolguard.rules.change;

import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The connection timeout is lower than in the baseline. */
public final class ConnectionTimeoutReduced implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("connection-timeout-reduced")
          .title("Connection timeout lowered against the baseline")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.BASELINE)
          .rationale(
              "A shorter connection timeout makes requests fail sooner when the pool is busy: at a"
                  + " peak that the old timeout absorbed as a short wait, the new one returns errors."
                  + " Failing fast is often right, but the change deserves a look together with the"
                  + " pool size and the load it must carry.")
          .remediation(
              "Confirm the shorter timeout is intended and that the pool has headroom at peak, or"
                  + " restore the baseline value.")
          .example(
              "# baseline: connection-timeout: 30000\nspring:\n  datasource:\n    hikari:\n"
                  + "      connection-timeout: 500\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    List<String> keys = List.of("connection-timeout", "acquisition-timeout");
    List<Changes.SettingChange> changes =
        new ArrayList<>(Changes.of(context, Change.Kind.CHANGED, keys));
    changes.addAll(Changes.of(context, Change.Kind.REMOVED, keys));
    for (Changes.SettingChange c : changes) {
      OptionalLong now = Changes.timeoutMillis(c.current());
      OptionalLong was = Changes.timeoutMillis(c.old());
      if (now.isEmpty() || was.isEmpty() || now.getAsLong() >= was.getAsLong()) {
        continue;
      }
      out.add(
          c.violation(
              c.property()
                  + " lowered to "
                  + c.current().text()
                  + " (was "
                  + c.oldDescribed()
                  + "): requests fail sooner when the pool is busy"));
    }
    return out;
  }
}
