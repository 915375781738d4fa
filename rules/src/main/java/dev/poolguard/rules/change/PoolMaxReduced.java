package dev.poolguard.rules.change;

import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.capacity.CapacityJudged;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** The pool maximum is lower than in the baseline and no capacity model judges it. */
public final class PoolMaxReduced implements Rule {

  static final RuleInfo INFO =
      RuleInfo.of(
          "pool-max-reduced",
          "Pool maximum lowered against the baseline",
          Severity.WARNING,
          Set.of(RuleInfo.Need.CONFIG, RuleInfo.Need.BASELINE),
          "Shrinking a connection pool is the change behind the incident poolguard exists for: a"
              + " routine deployment cut a pool, it ran dry at peak load, and half of 100,000 users"
              + " were locked out for 90 minutes. Without a capacity model nothing shows whether"
              + " the smaller pool carries the peak, so the change is flagged for a human to"
              + " decide. With load figures, pod counts and the database in poolguard.yaml the"
              + " capacity rules judge the new size instead and this rule stands aside.",
          "Confirm the smaller pool carries the peak (load test, or add load: and a database to"
              + " poolguard.yaml so poolguard computes it), or restore the baseline value.",
          "# baseline: maximum-pool-size: 40\nspring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    List<Changes.SettingChange> changes =
        new ArrayList<>(
            Changes.of(context, Change.Kind.CHANGED, List.of("maximum-pool-size", "max-size")));
    changes.addAll(
        Changes.of(context, Change.Kind.REMOVED, List.of("maximum-pool-size", "max-size")));
    for (Changes.SettingChange c : changes) {
      OptionalLong now = c.current().asLong();
      OptionalLong was = c.old().asLong();
      if (now.isEmpty() || was.isEmpty() || now.getAsLong() >= was.getAsLong()) {
        continue;
      }
      if (CapacityJudged.judged(context, c.service(), c.dataSource())) {
        continue;
      }
      out.add(
          c.violation(
              c.property()
                  + " lowered to "
                  + now.getAsLong()
                  + " (was "
                  + c.oldDescribed()
                  + "); no capacity model shows that "
                  + now.getAsLong()
                  + " connections per pod carry the peak load"));
    }
    return out;
  }
}
