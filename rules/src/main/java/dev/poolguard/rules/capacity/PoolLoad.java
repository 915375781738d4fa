package dev.poolguard.rules.capacity;

import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.capacity.PoolSizes;
import dev.poolguard.core.capacity.Queueing;
import dev.poolguard.core.capacity.RolloutPlan;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.kubernetes.Autoscaler;
import dev.poolguard.core.model.kubernetes.Workload;
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
import java.util.OptionalLong;

/**
 * One pool under load: the inputs of the queueing rules for a service's datasource at peak, each
 * with the position it came from.
 *
 * @param service the service variant
 * @param dataSource its pool
 * @param load the service's peak load from poolguard.yaml
 * @param poolMax the effective pool maximum
 * @param poolMaxSetting the setting that gives it (its origin is where to edit)
 * @param waitMillis the longest acceptable wait: min(connection timeout, maxWaitMillis); empty when
 *     both are unbounded
 * @param pods the pods that serve the peak, and where that number comes from
 * @param rollout the rollout plan of its workload, if it has one
 * @param related the other inputs of a verdict
 * @param was the pool maximum in the baseline, when it differs
 */
record PoolLoad(
    Service service,
    DataSource dataSource,
    Load load,
    int poolMax,
    PoolSetting poolMaxSetting,
    OptionalLong waitMillis,
    Pods pods,
    Optional<RolloutPlan> rollout,
    List<Related> related,
    Optional<String> was) {

  /** How many pods serve, and why. */
  record Pods(int count, String source, SourcePosition position) {}

  /** The ρ threshold of pool-utilisation-high, used by the other rules' remediations too. */
  static final double DEFAULT_MAX_UTILISATION = 0.8;

  /** ε: the largest acceptable probability that a request waits longer than W. */
  static final double DEFAULT_MAX_TIMEOUT_PROBABILITY = 0.001;

  double holdSeconds() {
    return load.connectionHoldMillis() / 1000.0;
  }

  double offeredLoad(int servingPods) {
    return Queueing.offeredLoad(load.peakRequestsPerSecond(), servingPods, holdSeconds());
  }

  double waitSeconds() {
    return waitMillis.isPresent() ? waitMillis.getAsLong() / 1000.0 : Double.POSITIVE_INFINITY;
  }

  /** P(wait > W) with {@code servingPods} sharing the load; 1 when overloaded. */
  double timeoutProbability(int servingPods) {
    return Queueing.probabilityWaitBeyond(
        poolMax, offeredLoad(servingPods), holdSeconds(), waitSeconds());
  }

  boolean fails(int servingPods, double epsilon) {
    double a = offeredLoad(servingPods);
    return a >= poolMax || timeoutProbability(servingPods) > epsilon;
  }

  int smallestForWait(int servingPods, double epsilon) {
    return Queueing.smallestPoolForWait(
        offeredLoad(servingPods), holdSeconds(), waitSeconds(), epsilon);
  }

  int smallestForUtilisation(int servingPods, double maxUtilisation) {
    return Queueing.smallestPoolForUtilisation(offeredLoad(servingPods), maxUtilisation);
  }

  /** "2,400 req/s over 6 pods × 25 ms" */
  String loadText(int servingPods) {
    return String.format(
        Locale.ROOT,
        "%s req/s over %d pod%s × %s ms",
        number(load.peakRequestsPerSecond()),
        servingPods,
        servingPods == 1 ? "" : "s",
        number(load.connectionHoldMillis()));
  }

  /** "pool max 10 (was 40)" */
  String poolText() {
    return "pool max " + poolMax + was.map(w -> " (was " + w + ")").orElse("");
  }

  String property() {
    return dataSource.prefix() + "." + poolMaxSetting.key();
  }

  /** A violation at the pool maximum's origin, with every other input related. */
  Violation violation(String message, String remediation) {
    return Violation.at(poolMaxSetting.value().origin().position(), message)
        .withService(service.name(), service.profileLabel())
        .withSubject(dataSource.name() + "/" + poolMaxSetting.key())
        .withRelated(related)
        .withRemediation(remediation);
  }

  static String number(double value) {
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }

  /** Every pool of every service that has load figures and a known pool size and pod count. */
  static List<PoolLoad> all(LintContext context) {
    List<PoolLoad> out = new ArrayList<>();
    for (Service service : context.model().services()) {
      ServiceConfig config = context.project().services().get(service.name());
      if (config == null || config.load().isEmpty()) {
        continue;
      }
      Optional<Pods> pods = pods(service, config);
      if (pods.isEmpty()) {
        continue;
      }
      for (DataSource ds : service.dataSources()) {
        of(service, ds, config, pods.get(), baselineMax(context, service, ds)).ifPresent(out::add);
      }
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

  private static Optional<PoolLoad> of(
      Service service, DataSource ds, ServiceConfig config, Pods pods, Optional<Change> change) {
    Optional<PoolSetting> max = poolMaxSetting(ds);
    OptionalInt poolMax = poolMax(ds);
    if (max.isEmpty() || poolMax.isEmpty() || ds.inert().isPresent()) {
      return Optional.empty();
    }
    Load load = config.load().get();
    List<Related> related = new ArrayList<>();
    related.add(
        new Related(
            load.positionOf("peakRequestsPerSecond"),
            "peak load " + number(load.peakRequestsPerSecond()) + " req/s"));
    related.add(
        new Related(
            load.positionOf("connectionHoldMillis"),
            "hold time " + number(load.connectionHoldMillis()) + " ms"));
    related.add(new Related(pods.position(), pods.source()));
    OptionalLong timeout = timeoutMillis(ds);
    Optional<PoolSetting> timeoutSetting =
        ds.setting(ds.pool() == PoolKind.HIKARI ? "connection-timeout" : "acquisition-timeout");
    timeoutSetting.ifPresent(
        t ->
            related.add(
                new Related(
                    t.value().origin().position(), "connection timeout " + t.value().text())));
    OptionalLong wait = timeout;
    if (load.maxWaitMillis().isPresent()) {
      long maxWait = (long) load.maxWaitMillis().getAsDouble();
      wait =
          OptionalLong.of(timeout.isPresent() ? Math.min(timeout.getAsLong(), maxWait) : maxWait);
      related.add(
          new Related(
              load.positionOf("maxWaitMillis"),
              "longest acceptable wait " + number(load.maxWaitMillis().getAsDouble()) + " ms"));
    }
    Optional<String> was = change.map(c -> c.baseline().orElseThrow().text());
    change.ifPresent(
        c -> {
          var old = c.baseline().orElseThrow().origin();
          if (!old.isDefault()) {
            related.add(
                new Related(old.position(), "baseline pool max " + c.baseline().get().text()));
          }
        });
    return Optional.of(
        new PoolLoad(
            service,
            ds,
            load,
            poolMax.getAsInt(),
            max.get(),
            wait,
            pods,
            rollout(service),
            related,
            was));
  }

  /**
   * Pods at peak: replicasAtPeak, else the HPA minimum, else the workload's or poolguard.yaml's
   * replicas.
   */
  static Optional<Pods> pods(Service service, ServiceConfig config) {
    Load load = config.load().orElse(null);
    if (load != null && load.replicasAtPeak().isPresent()) {
      return Optional.of(
          new Pods(
              load.replicasAtPeak().getAsInt(),
              "replicasAtPeak " + load.replicasAtPeak().getAsInt(),
              load.positionOf("replicasAtPeak")));
    }
    Optional<Deployment> d = service.deployment();
    if (d.isPresent()) {
      Optional<Autoscaler> hpa = d.get().autoscalers().stream().findFirst();
      if (hpa.isPresent()) {
        int min = hpa.get().minReplicas().value();
        return Optional.of(
            new Pods(min, "HPA minReplicas " + min, hpa.get().minReplicas().position()));
      }
      Workload w = d.get().workload();
      return Optional.of(
          new Pods(
              w.replicas().value(), "replicas " + w.replicas().value(), w.replicas().position()));
    }
    if (config.replicas().isPresent()) {
      return Optional.of(
          new Pods(
              config.replicas().getAsInt(),
              "replicas " + config.replicas().getAsInt(),
              config.positionOf("replicas")));
    }
    return Optional.empty();
  }

  /** The rollout plan of the service's workload at its declared replicas. */
  static Optional<RolloutPlan> rollout(Service service) {
    return service.deployment().flatMap(d -> plan(d.workload(), d.workload().replicas().value()));
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

  /** The connection timeout in ms; empty when requests wait forever. */
  static OptionalLong timeoutMillis(DataSource ds) {
    if (ds.pool() == PoolKind.HIKARI) {
      Optional<PoolSetting> s = ds.setting("connection-timeout");
      long ms =
          s.flatMap(x -> x.value().isKnown() ? Optional.of(x.value().asLong()) : Optional.empty())
              .filter(OptionalLong::isPresent)
              .map(OptionalLong::getAsLong)
              .orElse(30_000L);
      return ms == 0 ? OptionalLong.empty() : OptionalLong.of(ms < 250 ? 30_000L : ms);
    }
    return OptionalLong.of(5_000L);
  }
}
