package dev.poolguard.core.capacity;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.workload.Strategy;
import dev.poolguard.core.model.workload.Workload;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the capacity inputs out of the effective model: a pool's maximum and a workload's rollout
 * plan. Shared by the capacity rules and the reports' connection budgets, so both see one number.
 */
public final class PoolSizes {

  private PoolSizes() {}

  /** The setting that holds the pool maximum, when configured. */
  public static Optional<PoolSetting> poolMaxSetting(DataSource ds) {
    return ds.setting(ds.pool() == PoolKind.HIKARI ? "maximum-pool-size" : "max-size");
  }

  /** The pool maximum the library uses; empty when it is not known before deployment. */
  public static OptionalInt poolMax(DataSource ds) {
    Optional<PoolSetting> s = poolMaxSetting(ds);
    int fallback = ds.pool() == PoolKind.HIKARI ? 10 : 20;
    if (s.isEmpty()) {
      return OptionalInt.of(fallback);
    }
    if (!s.get().value().isKnown()) {
      return OptionalInt.empty();
    }
    OptionalLong v = s.get().value().asLong();
    if (v.isEmpty() || v.getAsLong() < 1 || v.getAsLong() > Integer.MAX_VALUE) {
      return OptionalInt.of(fallback);
    }
    return OptionalInt.of((int) v.getAsLong());
  }

  /**
   * The rollout plan of a workload at {@code replicas}; empty when its bounds are ones Kubernetes
   * itself refuses (maxSurge and maxUnavailable both 0, "25.5%"), which the API server rejects.
   */
  public static Optional<RolloutPlan> plan(Workload w, int replicas) {
    try {
      return Optional.of(planOrThrow(w, replicas));
    } catch (IllegalArgumentException refused) {
      return Optional.empty();
    }
  }

  private static RolloutPlan planOrThrow(Workload w, int replicas) {
    Strategy s = w.strategy();
    Optional<IntOrPercent> surge =
        s.maxSurge().filter(b -> !b.defaulted()).map(b -> IntOrPercent.parse(b.raw()));
    Optional<IntOrPercent> unavailable =
        s.maxUnavailable().filter(b -> !b.defaulted()).map(b -> IntOrPercent.parse(b.raw()));
    return switch (s.type()) {
      case RECREATE -> Rollout.deploymentRecreate(replicas);
      case STATEFUL_ROLLING_UPDATE ->
          Rollout.statefulSetRollingUpdate(replicas, unavailable, s.partition());
      case ON_DELETE -> Rollout.statefulSetOnDelete(replicas);
      default -> Rollout.deploymentRollingUpdate(replicas, surge, unavailable);
    };
  }
}
