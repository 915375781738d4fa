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
    return ds.setting(maxKey(ds.pool()));
  }

  /** The key of the pool maximum under the pool's prefix. */
  public static String maxKey(PoolKind pool) {
    return switch (pool) {
      case HIKARI -> "maximum-pool-size";
      case AGROAL -> "max-size";
      case TOMCAT -> "max-active";
      case DBCP2 -> "max-total";
    };
  }

  /**
   * The pool maximum the library uses; empty when it is not known before deployment, or when the
   * library has no limit (DBCP2's negative {@code maxTotal}).
   */
  public static OptionalInt poolMax(DataSource ds) {
    Optional<PoolSetting> s = poolMaxSetting(ds);
    int fallback = defaultMax(ds.pool());
    if (s.isEmpty()) {
      return OptionalInt.of(fallback);
    }
    if (!s.get().value().isKnown()) {
      return OptionalInt.empty();
    }
    OptionalLong v = s.get().value().asLong();
    if (ds.pool() == PoolKind.DBCP2 && v.isPresent() && v.getAsLong() < 0) {
      return OptionalInt.empty(); // BasicDataSource: "negative for no limit"
    }
    if (v.isEmpty() || v.getAsLong() < 1 || v.getAsLong() > Integer.MAX_VALUE) {
      return OptionalInt.of(fallback);
    }
    return OptionalInt.of((int) v.getAsLong());
  }

  /**
   * The library's default maximum: HikariCP 10, Agroal 20, Tomcat JDBC 100 ({@code
   * PoolProperties.DEFAULT_MAX_ACTIVE}, also what a {@code maxActive} below 1 is reset to), DBCP2 8
   * ({@code GenericObjectPoolConfig.DEFAULT_MAX_TOTAL}).
   */
  public static int defaultMax(PoolKind pool) {
    return switch (pool) {
      case HIKARI -> 10;
      case AGROAL -> 20;
      case TOMCAT -> 100;
      case DBCP2 -> 8;
    };
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
