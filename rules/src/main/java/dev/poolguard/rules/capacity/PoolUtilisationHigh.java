package dev.poolguard.rules.capacity;

import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** A pool that carries the peak, but with too little headroom. */
public final class PoolUtilisationHigh implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pool-utilisation-high")
          .title("Pool runs close to full at peak")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "Utilisation ρ = a ÷ c is the share of the pool busy at peak (a: connections a pod's"
                  + " share of the peak keeps busy by Little's law; c: the pool size). Under the M/M/c"
                  + " model waits stay negligible until ρ nears 1 and then explode, so a pool that just"
                  + " carries today's peak fails on a slightly busier day or slower queries."
                  + " Assumptions: Poisson arrivals, exponential hold times, one connection per request"
                  + " for the mean hold time, load spread evenly over the pods. Against a real HikariCP"
                  + " pool (docs/CAPACITY-VALIDATION.md) the predicted share of requests that wait"
                  + " matched the measured one within about 5 points up to ρ = 0.95 with exponential"
                  + " hold times; with constant hold times fewer requests waited than predicted, and"
                  + " peaks of a few seconds near ρ = 1 waited less than the model's steady state.")
          .remediation("Raise the pool maximum to the size the message names, or add pods.")
          .example(
              "# poolguard.yaml: load: { peakRequestsPerSecond: 2400, connectionHoldMillis: 25 }, 6 pods\n"
                  + "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 12\n")
          .option(
              "maxUtilisation", PoolLoad.DEFAULT_MAX_UTILISATION, "largest acceptable ρ at peak")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    double maxUtilisation = context.option(INFO, "maxUtilisation");
    double epsilon = context.option(PoolBelowPeakDemand.INFO, "maxTimeoutProbability");
    List<Violation> out = new ArrayList<>();
    for (PoolLoad pool : PoolLoad.all(context)) {
      int n = pool.pods().count();
      double rho = pool.offeredLoad(n) / pool.poolMax();
      if (!pool.busierThan(n, maxUtilisation) || pool.fails(n, epsilon)) {
        continue;
      }
      int enough = pool.smallestForUtilisation(n, maxUtilisation);
      out.add(
          pool.violation(
              pool.poolText()
                  + " runs at "
                  + PoolLoad.percent(rho)
                  + " utilisation at peak ("
                  + pool.loadText(n)
                  + "); ≥ "
                  + enough
                  + " keeps it ≤ "
                  + PoolLoad.percent(maxUtilisation),
              "Set " + pool.property() + " to at least " + enough + ", or add pods."));
    }
    return out;
  }
}
