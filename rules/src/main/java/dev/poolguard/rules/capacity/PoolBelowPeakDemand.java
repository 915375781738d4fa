package dev.poolguard.rules.capacity;

import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A pool that cannot carry the service's peak load: requests time out waiting for it. */
public final class PoolBelowPeakDemand implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pool-below-peak-demand")
          .title("Pool too small for the peak load")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "Each pod's pool must hold the connections its share of the peak load keeps busy. By"
                  + " Little's law a pod offers a = (peak req/s ÷ pods) × hold time connections; when a"
                  + " reaches the pool size c, waits grow without bound and requests fail after the"
                  + " connection timeout, which is how a pool cut from 40 to 10 locked out half of"
                  + " 100,000 users for 90 minutes. Below that point poolguard computes the probability"
                  + " that a request waits longer than W = min(connection timeout, maxWaitMillis) with"
                  + " the Erlang C (M/M/c) model and fails above maxTimeoutProbability. Assumptions:"
                  + " Poisson arrivals, exponential hold times, one connection held per request for the"
                  + " mean hold time, load spread evenly over the pods. Because W is seconds and hold"
                  + " times are milliseconds, the probability is negligible until a nears c: timeouts"
                  + " arrive suddenly, hence the utilisation headroom of pool-utilisation-high."
                  + " Measured against a real HikariCP pool on PostgreSQL"
                  + " (docs/CAPACITY-VALIDATION.md), the predicted onset of timeouts was within 1 % of"
                  + " the measured load for pools of 10 and 20 and up to 10 % early, on the safe side,"
                  + " for a pool of 5; at and above a = c the model's \"every request waits\""
                  + " overstates the damage: the real pool served c ÷ h requests a second and about"
                  + " 1 − c/a of the requests timed out.")
          .remediation(
              "Raise the pool maximum to at least the size the message names (the second figure also"
                  + " keeps utilisation within pool-utilisation-high's limit), or add pods; check the"
                  + " database's connection budget afterwards.")
          .example(
              "# poolguard.yaml: load: { peakRequestsPerSecond: 2400, connectionHoldMillis: 25 }, 6 pods\n"
                  + "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n")
          .option(
              "maxTimeoutProbability",
              PoolLoad.DEFAULT_MAX_TIMEOUT_PROBABILITY,
              "largest acceptable probability that a request waits longer than W")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    double epsilon = context.option(INFO, "maxTimeoutProbability");
    double maxUtilisation = context.option(PoolUtilisationHigh.INFO, "maxUtilisation");
    List<Violation> out = new ArrayList<>();
    for (PoolLoad pool : PoolLoad.all(context)) {
      int n = pool.pods().count();
      if (!pool.fails(n, epsilon)) {
        continue;
      }
      double a = pool.offeredLoad(n);
      int needed = pool.smallestForWait(n, epsilon);
      int comfortable = Math.max(needed, pool.smallestForUtilisation(n, maxUtilisation));
      String verdict =
          a >= pool.poolMax()
              ? "cannot carry the offered load of "
                  + String.format(Locale.ROOT, "%.1f", a)
                  + " connections per pod"
              : "makes "
                  + PoolLoad.percent(pool.timeoutProbability(n))
                  + " of requests wait longer than "
                  + PoolLoad.number(pool.waitSeconds() * 1000)
                  + " ms at peak (offered load "
                  + String.format(Locale.ROOT, "%.1f", a)
                  + " connections per pod)";
      String message =
          pool.poolText()
              + " "
              + verdict
              + " ("
              + pool.loadText(n)
              + "); needs ≥ "
              + needed
              + ", ≥ "
              + comfortable
              + " for ≤ "
              + PoolLoad.percent(maxUtilisation)
              + " utilisation";
      out.add(
          pool.violation(
              message,
              "Set "
                  + pool.property()
                  + " to at least "
                  + comfortable
                  + " ("
                  + needed
                  + " is the bare minimum), or add pods."));
    }
    return out;
  }
}
