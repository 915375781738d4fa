package dev.poolguard.core.capacity;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.quarkus.QuarkusDurations;
import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.Load;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One pool under load: the inputs of the queueing verdicts for a service's datasource at peak, each
 * with the position it came from, and the offered load they give.
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
 * @param inputs the other inputs of a verdict, in the order findings list them
 */
public record PoolCapacity(
    Service service,
    DataSource dataSource,
    Load load,
    int poolMax,
    PoolSetting poolMaxSetting,
    OptionalDouble waitMillis,
    Pods pods,
    Optional<RolloutPlan> rollout,
    List<Input> inputs) {

  public PoolCapacity {
    inputs = List.copyOf(inputs);
  }

  /**
   * How many pods serve, and why.
   *
   * @param conflict why a stated replicasAtPeak was not taken as written (outside the HPA's range,
   *     or above a fixed replica count); the count is the one the controllers would run
   */
  public record Pods(int count, String source, SourcePosition position, Optional<String> conflict) {
    public Pods(int count, String source, SourcePosition position) {
      this(count, source, position, Optional.empty());
    }
  }

  public double holdSeconds() {
    return load.connectionHoldMillis() / 1000.0;
  }

  /** Connections in demand per pod when {@code servingPods} share the peak, in Erlangs. */
  public double offeredLoad(int servingPods) {
    return Queueing.offeredLoad(load.peakRequestsPerSecond(), servingPods, holdSeconds());
  }

  public double waitSeconds() {
    return waitMillis.isPresent() ? waitMillis.getAsDouble() / 1000.0 : Double.POSITIVE_INFINITY;
  }

  /**
   * Whether the pool's utilisation with {@code servingPods} sharing the peak is above {@code
   * maxUtilisation}, beyond floating-point noise (exactly at the threshold is not above).
   */
  public boolean busierThan(int servingPods, double maxUtilisation) {
    return Queueing.exceeds(offeredLoad(servingPods) / poolMax, maxUtilisation);
  }

  /** P(wait > W) with {@code servingPods} sharing the load; 1 when overloaded. */
  public double timeoutProbability(int servingPods) {
    return Queueing.probabilityWaitBeyond(
        poolMax, offeredLoad(servingPods), holdSeconds(), waitSeconds());
  }

  /** Overloaded, or more than {@code epsilon} of requests wait beyond W. */
  public boolean fails(int servingPods, double epsilon) {
    double a = offeredLoad(servingPods);
    return a >= poolMax || timeoutProbability(servingPods) > epsilon;
  }

  public int smallestForWait(int servingPods, double epsilon) {
    return Queueing.smallestPoolForWait(
        offeredLoad(servingPods), holdSeconds(), waitSeconds(), epsilon);
  }

  public int smallestForUtilisation(int servingPods, double maxUtilisation) {
    return Queueing.smallestPoolForUtilisation(offeredLoad(servingPods), maxUtilisation);
  }

  /** Every pool of every service that has load figures and a known pool size and pod count. */
  static List<PoolCapacity> all(List<Service> services, PoolguardConfig project) {
    List<PoolCapacity> out = new ArrayList<>();
    for (Service service : services) {
      ServiceConfig config = project.services().get(service.name());
      if (config == null || config.load().isEmpty()) {
        continue;
      }
      Optional<Pods> own = pods(service, config);
      if (own.isEmpty() || own.get().count() == 0) {
        continue; // capacity-model-incomplete says why nothing judges it
      }
      Pods pods = MultiWorkload.sharing(service, own.get(), services, config);
      for (DataSource ds : service.dataSources()) {
        of(service, ds, config, pods, own.get().count()).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * @param pods the pods that share the service's peak (all its workloads')
   * @param ownPods this workload's pods at the peak, whose rollout plan applies
   */
  private static Optional<PoolCapacity> of(
      Service service, DataSource ds, ServiceConfig config, Pods pods, int ownPods) {
    Optional<PoolSetting> max = PoolSizes.poolMaxSetting(ds);
    OptionalInt poolMax = PoolSizes.poolMax(ds);
    if (max.isEmpty() || poolMax.isEmpty() || ds.inert().isPresent()) {
      return Optional.empty();
    }
    Load load = config.load().get();
    List<Input> inputs = new ArrayList<>();
    inputs.add(
        new Input(
            load.positionOf("peakRequestsPerSecond"),
            "peak load " + number(load.peakRequestsPerSecond()) + " req/s"));
    inputs.add(
        new Input(
            load.positionOf("connectionHoldMillis"),
            "hold time " + number(load.connectionHoldMillis()) + " ms"));
    inputs.add(new Input(pods.position(), pods.source()));
    OptionalLong timeout = timeoutMillis(ds);
    Optional<PoolSetting> timeoutSetting =
        ds.setting(
            switch (ds.pool()) {
              case HIKARI -> "connection-timeout";
              case AGROAL -> "acquisition-timeout";
              case TOMCAT, DBCP2 -> "max-wait";
            });
    timeoutSetting.ifPresent(
        t ->
            inputs.add(
                new Input(
                    t.value().origin().position(), "connection timeout " + t.value().text())));
    // A fractional maxWaitMillis (0.5 ms) is kept as written, not truncated to 0.
    OptionalDouble wait =
        timeout.isPresent() ? OptionalDouble.of(timeout.getAsLong()) : OptionalDouble.empty();
    if (load.maxWaitMillis().isPresent()) {
      double maxWait = load.maxWaitMillis().getAsDouble();
      wait =
          OptionalDouble.of(timeout.isPresent() ? Math.min(timeout.getAsLong(), maxWait) : maxWait);
      inputs.add(
          new Input(
              load.positionOf("maxWaitMillis"),
              "longest acceptable wait " + number(load.maxWaitMillis().getAsDouble()) + " ms"));
    }
    return Optional.of(
        new PoolCapacity(
            service,
            ds,
            load,
            poolMax.getAsInt(),
            max.get(),
            wait,
            pods,
            rollout(service, ownPods),
            inputs));
  }

  /**
   * Pods at peak: replicasAtPeak, else 0 for a workload scaled to zero (no autoscaler acts on it),
   * else the HPA minimum, else the workload's or poolguard.yaml's replicas. A count of 0 is judged
   * by no queueing rule: {@code capacity-model-incomplete} asks for replicasAtPeak.
   */
  public static Optional<Pods> pods(Service service, ServiceConfig config) {
    Load load = config.load().orElse(null);
    Optional<Deployment> d = service.deployment();
    if (load != null && load.replicasAtPeak().isPresent()) {
      int stated = load.replicasAtPeak().getAsInt();
      SourcePosition at = load.positionOf("replicasAtPeak");
      Optional<PodCounts.Bound> bound =
          d.flatMap(
              x -> PodCounts.peakBound(x.workload(), x.autoscalers().stream().findFirst(), stated));
      if (bound.isPresent()) {
        int held = bound.get().count();
        return Optional.of(
            new Pods(
                held,
                "replicasAtPeak " + stated + ", held at " + held + " by " + bound.get().by(),
                at,
                Optional.of(
                    "replicasAtPeak "
                        + stated
                        + " is outside what "
                        + bound.get().by()
                        + " allows, so the peak is judged at "
                        + held
                        + " pods: make them agree")));
      }
      return Optional.of(new Pods(stated, "replicasAtPeak " + stated, at));
    }
    if (d.isPresent()) {
      Workload scaled = d.get().workload();
      if (PodCounts.scaledToZero(scaled)) {
        return Optional.of(new Pods(0, "replicas 0: scaled to zero", scaled.replicas().position()));
      }
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

  /** The rollout plan of the service's workload at the pods that face the peak. */
  private static Optional<RolloutPlan> rollout(Service service, int podsAtPeak) {
    // With an HPA the rollout happens at the replica count the HPA holds at the moment judged
    // (the peak pod count), not at spec.replicas: surge and unavailability are percentages of it.
    if (service.deployment().isEmpty()) {
      // Described only in poolguard.yaml: it rolls as a Deployment with Kubernetes' defaults.
      return Optional.of(Rollout.withoutManifest(podsAtPeak));
    }
    return service.deployment().flatMap(d -> PoolSizes.plan(d.workload(), podsAtPeak));
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
    if (ds.pool() == PoolKind.TOMCAT || ds.pool() == PoolKind.DBCP2) {
      // Tomcat JDBC waits maxWait (default 30000 ms; 0 or less waits forever); DBCP2's maxWait
      // defaults to -1, waiting forever. Only whole milliseconds are read here.
      long fallback = ds.pool() == PoolKind.TOMCAT ? 30_000L : -1L;
      long ms =
          ds.setting("max-wait")
              .filter(x -> x.value().isKnown())
              .map(x -> x.value().asLong().orElse(fallback))
              .orElse(fallback);
      return ms <= 0 ? OptionalLong.empty() : OptionalLong.of(ms);
    }
    // Agroal waits acquisition-timeout (Quarkus default 5S); a zero duration waits forever
    // (agroal-pool ConnectionPool.getConnection: isZero() ? MAX_VALUE).
    OptionalLong ms =
        ds.setting("acquisition-timeout")
            .filter(x -> x.value().isKnown())
            .map(x -> QuarkusDurations.toMillis(x.value().text()))
            .orElse(OptionalLong.empty());
    long wait = ms.orElse(AGROAL_DEFAULT_ACQUISITION_MILLIS);
    return wait == 0 ? OptionalLong.empty() : OptionalLong.of(wait);
  }

  /** Quarkus' default {@code quarkus.datasource.jdbc.acquisition-timeout} (5S). */
  private static final long AGROAL_DEFAULT_ACQUISITION_MILLIS = 5_000L;

  /** "2,400" or "2,400.5": how the load figures read in messages. */
  public static String number(double value) {
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, "%,.1f", value);
  }
}
