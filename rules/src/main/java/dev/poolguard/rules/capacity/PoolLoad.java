package dev.poolguard.rules.capacity;

import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.capacity.PoolCapacity;
import dev.poolguard.core.capacity.PoolSizes;
import dev.poolguard.core.capacity.RolloutPlan;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.Load;
import dev.poolguard.core.project.ServiceConfig;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One pool under load as the capacity rules word it: the {@link PoolCapacity} the engine worked out
 * once, with the baseline's pool maximum when it changed.
 *
 * @param capacity the pool's inputs and offered load
 * @param related the other inputs of a verdict, the baseline's pool maximum last
 * @param was the pool maximum in the baseline, when it differs
 */
record PoolLoad(PoolCapacity capacity, List<Related> related, Optional<String> was) {

  /** The ρ threshold of pool-utilisation-high, used by the other rules' remediations too. */
  static final double DEFAULT_MAX_UTILISATION = 0.8;

  /** ε: the largest acceptable probability that a request waits longer than W. */
  static final double DEFAULT_MAX_TIMEOUT_PROBABILITY = 0.001;

  Service service() {
    return capacity.service();
  }

  DataSource dataSource() {
    return capacity.dataSource();
  }

  Load load() {
    return capacity.load();
  }

  int poolMax() {
    return capacity.poolMax();
  }

  PoolSetting poolMaxSetting() {
    return capacity.poolMaxSetting();
  }

  java.util.OptionalDouble waitMillis() {
    return capacity.waitMillis();
  }

  PoolCapacity.Pods pods() {
    return capacity.pods();
  }

  Optional<RolloutPlan> rollout() {
    return capacity.rollout();
  }

  double holdSeconds() {
    return capacity.holdSeconds();
  }

  double offeredLoad(int servingPods) {
    return capacity.offeredLoad(servingPods);
  }

  boolean busierThan(int servingPods, double maxUtilisation) {
    return capacity.busierThan(servingPods, maxUtilisation);
  }

  double waitSeconds() {
    return capacity.waitSeconds();
  }

  /** P(wait > W) with {@code servingPods} sharing the load; 1 when overloaded. */
  double timeoutProbability(int servingPods) {
    return capacity.timeoutProbability(servingPods);
  }

  boolean fails(int servingPods, double epsilon) {
    return capacity.fails(servingPods, epsilon);
  }

  int smallestForWait(int servingPods, double epsilon) {
    return capacity.smallestForWait(servingPods, epsilon);
  }

  int smallestForUtilisation(int servingPods, double maxUtilisation) {
    return capacity.smallestForUtilisation(servingPods, maxUtilisation);
  }

  /** "2,400 req/s over 6 pods × 25 ms" */
  String loadText(int servingPods) {
    return String.format(
        Locale.ROOT,
        "%s req/s over %d pod%s × %s ms",
        number(load().peakRequestsPerSecond()),
        servingPods,
        servingPods == 1 ? "" : "s",
        number(load().connectionHoldMillis()));
  }

  /** "pool max 10 (was 40)" */
  String poolText() {
    return "pool max " + poolMax() + was.map(w -> " (was " + w + ")").orElse("");
  }

  String property() {
    return dataSource().prefix() + "." + poolMaxSetting().key();
  }

  /** A violation at the pool maximum's origin, with every other input related. */
  Violation violation(String message, String remediation) {
    return Violation.at(poolMaxSetting().value().origin().position(), message)
        .withService(service().name(), service().profileLabel())
        .withSubject(dataSource().name() + "/" + poolMaxSetting().key())
        .withRelated(related)
        .withRemediation(remediation);
  }

  static String number(double value) {
    return PoolCapacity.number(value);
  }

  /**
   * "9 %", and a share below 0.5 % with one significant digit ("0.04 %", "< 0.01 %"), so that a
   * small but real probability never reads as 0 %.
   */
  static String percent(double fraction) {
    double p = fraction * 100;
    if (p > 0 && p < 0.01) {
      return "< 0.01 %";
    }
    if (p > 0 && p < 0.5) {
      return new java.math.BigDecimal(p)
              .round(new java.math.MathContext(1))
              .stripTrailingZeros()
              .toPlainString()
          + " %";
    }
    return String.format(Locale.ROOT, "%.0f %%", p);
  }

  /** Every pool of the run's capacity analysis, with its baseline change. */
  static List<PoolLoad> all(LintContext context) {
    List<PoolLoad> out = new ArrayList<>();
    for (PoolCapacity pool : context.capacity().pools()) {
      Optional<Change> change = baselineMax(context, pool.service(), pool.dataSource());
      List<Related> related = new ArrayList<>();
      pool.inputs().forEach(i -> related.add(new Related(i.position(), i.label())));
      Optional<String> was = change.map(c -> c.baseline().orElseThrow().text());
      change.ifPresent(
          c -> {
            var old = c.baseline().orElseThrow().origin();
            if (!old.isDefault()) {
              related.add(
                  new Related(old.position(), "baseline pool max " + c.baseline().get().text()));
            }
          });
      out.add(new PoolLoad(pool, related, was));
    }
    return out;
  }

  /** The baseline's pool maximum and where it was set, when the baseline shows it changed. */
  private static Optional<Change> baselineMax(LintContext context, Service service, DataSource ds) {
    return context.baseline().stream()
        .flatMap(b -> b.changes().stream())
        .filter(
            c -> c.service().equals(service.name()) && c.profile().equals(service.profileLabel()))
        .filter(
            c ->
                c.dataSource().equals(ds.name())
                    && poolMaxSetting(ds).map(x -> x.key().equals(c.key())).orElse(false))
        .filter(c -> c.baseline().isPresent() && c.current().isPresent())
        .findFirst();
  }

  /**
   * Pods at peak: replicasAtPeak, else the HPA minimum, else the workload's or poolguard.yaml's
   * replicas.
   */
  static Optional<PoolCapacity.Pods> pods(Service service, ServiceConfig config) {
    return PoolCapacity.pods(service, config);
  }

  /** The rollout plan of a workload at {@code replicas}; see {@link PoolSizes#plan}. */
  static Optional<RolloutPlan> plan(Workload w, int replicas) {
    return PoolSizes.plan(w, replicas);
  }

  static Optional<PoolSetting> poolMaxSetting(DataSource ds) {
    return PoolSizes.poolMaxSetting(ds);
  }

  /** The pool maximum the library uses; empty when it is not known before deployment. */
  static OptionalInt poolMax(DataSource ds) {
    return PoolSizes.poolMax(ds);
  }
}
