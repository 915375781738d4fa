package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.RolloutPlan;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A pool that carries the peak in steady state but not while pods are replaced. */
public final class PoolSaturatedDuringRollout implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pool-saturated-during-rollout")
          .title("Pool too small while a rollout takes pods out of service")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "During a rolling update maxUnavailable pods are not ready, so the peak is shared by"
                  + " fewer pods (replicas − maxUnavailable, percentages of spec.replicas rounded"
                  + " down), each with the new pool size. A pool that carries the peak over all pods"
                  + " can run dry during a deployment at a busy hour; a Recreate strategy leaves no pod"
                  + " serving at all. A service described only by replicas: in poolguard.yaml rolls"
                  + " as a Deployment with Kubernetes' defaults (25 % unavailable); a StatefulSet's"
                  + " partition keeps the pods below it up. The same M/M/c model and thresholds as"
                  + " pool-below-peak-demand apply.")
          .remediation(
              "Raise the pool maximum to the size the message names, lower maxUnavailable (and use"
                  + " maxSurge instead), or deploy outside the peak.")
          .example(
              "spec:\n  replicas: 4\n  strategy:\n    rollingUpdate: { maxUnavailable: 50% }\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    double epsilon = context.option(PoolBelowPeakDemand.INFO, "maxTimeoutProbability");
    List<Violation> out = new ArrayList<>();
    for (PoolLoad pool : PoolLoad.all(context)) {
      if (pool.rollout().isEmpty() || pool.fails(pool.pods().count(), epsilon)) {
        continue;
      }
      RolloutPlan plan = pool.rollout().get();
      List<Related> strategy =
          List.of(
              pool.service()
                  .deployment()
                  .map(d -> new Related(d.workload().strategy().position(), "rollout strategy"))
                  .orElse(
                      new Related(
                          pool.pods().position(),
                          "no manifest names the rollout strategy: Kubernetes' Deployment"
                              + " default (maxSurge 25 %, maxUnavailable 25 %) assumed")));
      int serving = pool.pods().count() - plan.maxUnavailable();
      if (serving <= 0) {
        out.add(
            pool.violation(
                    "during a rollout no pod serves the peak of "
                        + PoolLoad.number(pool.load().peakRequestsPerSecond())
                        + " req/s: "
                        + (plan.strategy() == RolloutPlan.Strategy.DEPLOYMENT_RECREATE
                            ? "the Recreate strategy stops every pod before new ones start"
                            : plan.maxUnavailable()
                                + " of "
                                + pool.pods().count()
                                + " pods may be unavailable"),
                    "Use a RollingUpdate with maxUnavailable below the replica count, or deploy outside the peak.")
                .withRelated(strategy));
        continue;
      }
      if (!pool.fails(serving, epsilon)) {
        continue;
      }
      int needed = pool.smallestForWait(serving, epsilon);
      out.add(
          pool.violation(
                  pool.poolText()
                      + " cannot carry the peak while "
                      + plan.maxUnavailable()
                      + " pod"
                      + (plan.maxUnavailable() == 1 ? " is" : "s are")
                      + " unavailable during a rollout: offered load "
                      + String.format(Locale.ROOT, "%.1f", pool.offeredLoad(serving))
                      + " connections per pod ("
                      + pool.loadText(serving)
                      + "); needs ≥ "
                      + needed,
                  "Set "
                      + pool.property()
                      + " to at least "
                      + needed
                      + ", or lower maxUnavailable.")
              .withRelated(strategy));
    }
    return out;
  }
}
