package dev.poolguard.core.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The connection budget of one database: every pod of every service using it may open its pool's
 * maximum (HikariCP opens {@code minimumIdle}, by default the maximum, at start), at steady state,
 * at full autoscaled scale, and while rolling out.
 */
public final class FleetBudget {

  /** Share of the budget above which a fleet is near the limit. */
  public static final double DEFAULT_NEAR_LIMIT = 0.9;

  private FleetBudget() {}

  /**
   * How many services may roll out at the same time (poolguard.yaml {@code concurrentRollouts}).
   */
  public enum ConcurrentRollouts {
    /** Only the service with the largest surge term rolls at a time. */
    ONE,
    /** Every service may roll at once. */
    ALL
  }

  /** How the fleet's worst case compares with the budget. */
  public enum Level {
    WITHIN,
    NEAR_LIMIT,
    EXCEEDED
  }

  /**
   * One service's pool on the database.
   *
   * @param service the service name; listed once per pool it opens on the database
   * @param replicas pods at steady state
   * @param maxReplicas the HPA's {@code maxReplicas}, or {@code replicas} without an HPA
   * @param poolMax the pool maximum now
   * @param baselinePoolMax the pool maximum in the baseline, when there is one
   * @param surgePods extra pods while it rolls ({@link RolloutPlan#maxSurge()} at full scale)
   */
  public record Member(
      String service,
      int replicas,
      int maxReplicas,
      int poolMax,
      OptionalInt baselinePoolMax,
      int surgePods) {

    public Member {
      Objects.requireNonNull(service, "service");
      Checks.atLeast("replicas", replicas, 0);
      Checks.atLeast("maxReplicas", maxReplicas, 0);
      Checks.atLeast("poolMax", poolMax, 0);
      Objects.requireNonNull(baselinePoolMax, "baselinePoolMax");
      baselinePoolMax.ifPresent(b -> Checks.atLeast("baselinePoolMax", b, 0));
      Checks.atLeast("surgePods", surgePods, 0);
    }
  }

  /**
   * One service's terms, kept so that a report can chart them.
   *
   * @param service the service name
   * @param steady {@code replicas × poolMax}
   * @param fullScale {@code max(replicas, maxReplicas) × poolMax}
   * @param rolloutSurge what the rollout adds to {@code fullScale}: its worst moment holds {@code R
   *     × max(new, old) + surge × min(new, old)} connections (all R pods on the larger pool and the
   *     surge pods on the smaller, at the start of a shrink or the end of a growth), minus {@code R
   *     × new}; without a baseline {@code surge × new}
   * @param rolling whether this surge counts in the fleet's rollout total
   */
  public record Contribution(
      String service, long steady, long fullScale, long rolloutSurge, boolean rolling) {

    public Contribution {
      Objects.requireNonNull(service, "service");
    }
  }

  /**
   * The budget verdict for one database.
   *
   * @param database the database name
   * @param limit the database's connection limit
   * @param concurrentRollouts which surge terms count
   * @param nearLimitFraction the share of the budget above which the fleet is near the limit
   * @param services each service's terms, in input order
   * @param steady {@code Σ steady}
   * @param fullScale {@code Σ fullScale}
   * @param rolloutSurge the counted surge terms: the largest for {@code ONE}, all for {@code ALL}
   */
  public record Result(
      String database,
      ConnectionLimit limit,
      ConcurrentRollouts concurrentRollouts,
      double nearLimitFraction,
      List<Contribution> services,
      long steady,
      long fullScale,
      long rolloutSurge) {

    public Result {
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(concurrentRollouts, "concurrentRollouts");
      Checks.fraction("nearLimitFraction", nearLimitFraction);
      services = List.copyOf(services);
    }

    /** Connections the applications may open. */
    public long budget() {
      return limit.budget();
    }

    /** {@code fullScale + rolloutSurge}: the fleet at full scale with the counted surges. */
    public long rollout() {
      return fullScale + rolloutSurge;
    }

    public boolean fullScaleExceeded() {
      return fullScale > budget();
    }

    public boolean rolloutExceeded() {
      return rollout() > budget();
    }

    public boolean exceeded() {
      return fullScaleExceeded() || rolloutExceeded();
    }

    /** Within the budget but above {@code nearLimitFraction} of it, at the worst moment. */
    public boolean nearLimit() {
      return !exceeded() && Queueing.exceeds(rollout(), nearLimitFraction * budget());
    }

    public Level level() {
      return exceeded() ? Level.EXCEEDED : nearLimit() ? Level.NEAR_LIMIT : Level.WITHIN;
    }

    /** The worst moment's share of the budget; infinite when the budget is 0 or less. */
    public double usedFraction() {
      return budget() > 0 ? (double) rollout() / budget() : Double.POSITIVE_INFINITY;
    }

    /** The service whose surge counts under {@code ONE}; empty under {@code ALL} or with none. */
    public Optional<String> rollingService() {
      if (concurrentRollouts != ConcurrentRollouts.ONE) {
        return Optional.empty();
      }
      return services.stream().filter(Contribution::rolling).map(Contribution::service).findFirst();
    }
  }

  /** {@link #evaluate(String, ConnectionLimit, List, ConcurrentRollouts, double)} at 90 %. */
  public static Result evaluate(
      String database,
      ConnectionLimit limit,
      List<Member> members,
      ConcurrentRollouts concurrentRollouts) {
    return evaluate(database, limit, members, concurrentRollouts, DEFAULT_NEAR_LIMIT);
  }

  /**
   * The connections a rollout adds to the service at full scale: while old pods (baseline pool) and
   * new pods (current pool) overlap, up to R + surge pods run, and the worst mix is all R on the
   * larger pool and the surge on the smaller (the Deployment controller scales the new ReplicaSet
   * up by at most maxSurge above R before it scales the old one down).
   */
  static long rolloutExtra(Member m) {
    long replicas = Math.max(m.replicas(), m.maxReplicas());
    long now = m.poolMax();
    long before = m.baselinePoolMax().orElse(m.poolMax());
    long larger = Math.max(now, before);
    long smaller = Math.min(now, before);
    return replicas * (larger - now) + (long) m.surgePods() * smaller;
  }

  /**
   * Sums the fleet's terms for one database. A service may be listed once per pool it opens on the
   * database (several datasources): its pods roll out together, so its pools surge together.
   */
  public static Result evaluate(
      String database,
      ConnectionLimit limit,
      List<Member> members,
      ConcurrentRollouts concurrentRollouts,
      double nearLimitFraction) {
    Objects.requireNonNull(concurrentRollouts, "concurrentRollouts");
    long[] surges = new long[members.size()];
    Map<String, Long> surgeByService = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      surges[i] = rolloutExtra(m);
      surgeByService.merge(m.service(), surges[i], Long::sum);
    }
    // Ties go to the first listed, so the answer does not depend on hash order.
    String largest = null;
    for (Map.Entry<String, Long> e : surgeByService.entrySet()) {
      if (e.getValue() > 0 && (largest == null || e.getValue() > surgeByService.get(largest))) {
        largest = e.getKey();
      }
    }
    List<Contribution> contributions = new ArrayList<>(members.size());
    long steady = 0;
    long fullScale = 0;
    long rolloutSurge = 0;
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      boolean rolling =
          surges[i] > 0
              && (concurrentRollouts == ConcurrentRollouts.ALL || m.service().equals(largest));
      // Pods above the HPA's maximum still exist until it scales them down.
      long full = (long) Math.max(m.replicas(), m.maxReplicas()) * m.poolMax();
      long st = (long) m.replicas() * m.poolMax();
      contributions.add(new Contribution(m.service(), st, full, surges[i], rolling));
      steady += st;
      fullScale += full;
      rolloutSurge += rolling ? surges[i] : 0;
    }
    return new Result(
        database,
        limit,
        concurrentRollouts,
        nearLimitFraction,
        contributions,
        steady,
        fullScale,
        rolloutSurge);
  }
}
