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

/** The pool maximum is lower than in the baseline and no capacity model judges it. */
public final class PoolMaxReduced implements Rule {

  /** The reduction, in percent of the baseline's maximum, from which an unproven cut blocks. */
  static final double DEFAULT_ERROR_AT_PERCENT = 50;

  static final RuleInfo INFO =
      RuleInfo.builder("pool-max-reduced")
          .title("Pool maximum lowered against the baseline")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.BASELINE)
          .rationale(
              "Shrinking a connection pool is the change behind the incident poolguard exists for: a"
                  + " routine deployment cut a pool, it ran dry at peak load, and half of 100,000 users"
                  + " were locked out for 90 minutes. Without a capacity model nothing shows whether"
                  + " the smaller pool carries the peak, so the change is flagged for a human to"
                  + " decide. A cut by half or more (the incident's 40 to 10 was three quarters) is an"
                  + " error until something proves it; a smaller cut is a warning. With load figures,"
                  + " pod counts and the database in poolguard.yaml the capacity rules judge the new"
                  + " size instead and this rule stands aside.")
          .remediation(
              "Add load: (peakRequestsPerSecond, connectionHoldMillis) for the service in"
                  + " poolguard.yaml so the capacity model proves or refutes the new size, restore the"
                  + " baseline value, or waive the finding with a reason under waivers:.")
          .example(
              "# baseline: maximum-pool-size: 40\nspring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n")
          .option(
              "errorAtReductionPercent",
              DEFAULT_ERROR_AT_PERCENT,
              "a cut of at least this percentage of the baseline's maximum is an error"
                  + " (above 100: never)")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    double errorAt = context.option(INFO, "errorAtReductionPercent");
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
      long cut = was.getAsLong() - now.getAsLong();
      double percent = 100.0 * cut / was.getAsLong();
      Violation v =
          c.violation(
              c.property()
                  + " lowered to "
                  + now.getAsLong()
                  + " (was "
                  + c.oldDescribed()
                  + "); no capacity model shows that "
                  + now.getAsLong()
                  + " connections per pod carry the peak load"
                  + (percent >= errorAt
                      ? " — a cut of "
                          + Math.round(Math.floor(percent))
                          + " %; "
                          + proveIt(context, c.service().name())
                          + ", or waive it with a reason"
                      : ""));
      out.add(percent >= errorAt ? v.withSeverity(Severity.ERROR) : v);
    }
    return out;
  }

  /** What would let the capacity model judge the new size. */
  private static String proveIt(LintContext context, String service) {
    var config = context.project().services().get(service);
    return config != null && config.load().isPresent()
        ? "complete the capacity model of " + service + " (see capacity-model-incomplete)"
        : "add load: for " + service + " in poolguard.yaml to prove the new size";
  }
}
