package dev.poolguard.core.capacity;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.PoolguardConfig;
import java.util.List;
import java.util.Optional;

/**
 * The run's capacity figures, worked out once after the model is resolved: every pool under load
 * (offered load, pods, wait bound, rollout plan, with the positions of their inputs) and every
 * database's connection budget (limit and its origin, steady, full-scale and rollout totals). Rules
 * judge it and reports chart it; neither computes it again.
 */
public final class CapacityAnalysis {

  private final List<PoolCapacity> pools;
  private final List<DatabaseBudget> databases;
  private final Optional<IllegalArgumentException> refused;
  private final List<DatabaseBudget.ServerRefusal> refusals;
  private final IdleLimits idleLimits;
  private final List<PoolerBudget> poolers;

  private CapacityAnalysis(
      List<PoolCapacity> pools,
      List<DatabaseBudget> databases,
      Optional<IllegalArgumentException> refused,
      List<DatabaseBudget.ServerRefusal> refusals,
      IdleLimits idleLimits,
      List<PoolerBudget> poolers) {
    this.pools = List.copyOf(pools);
    this.databases = List.copyOf(databases);
    this.refused = refused;
    this.refusals = List.copyOf(refusals);
    this.idleLimits = idleLimits;
    this.poolers = List.copyOf(poolers);
  }

  /**
   * The shortest idle limit on the path from {@code dataSource} to its database: the server's
   * {@code wait_timeout} (MySQL) or poolguard.yaml's {@code connectionIdleLimitSeconds}, whichever
   * is shorter; empty when neither is known.
   */
  public Optional<IdleLimits.IdleLimit> idleLimit(Service service, DataSource dataSource) {
    return idleLimits.of(service, dataSource);
  }

  /** The analysis without a baseline. */
  public static CapacityAnalysis of(
      DeploymentModel model, PoolguardConfig project, ServerConfigs servers, double nearLimit) {
    return of(model, project, servers, nearLimit, Optional.empty());
  }

  /**
   * The analysis of {@code model} under {@code project}, with the database files {@code servers}
   * already read, {@code nearLimit} the share of a budget above which a fleet is near it, and the
   * baseline's model, whose pool sizes the old pods of a rollout still run.
   */
  public static CapacityAnalysis of(
      DeploymentModel model,
      PoolguardConfig project,
      ServerConfigs servers,
      double nearLimit,
      Optional<DeploymentModel> baseline) {
    List<PoolCapacity> pools = PoolCapacity.all(model.services(), project);
    List<DatabaseBudget.ServerRefusal> refusals = DatabaseBudget.refusals(project, servers);
    IdleLimits idle = new IdleLimits(project, model);
    try {
      List<DatabaseBudget> direct =
          DatabaseBudget.all(model, project, servers, nearLimit, baseline);
      return new CapacityAnalysis(
          pools,
          direct,
          Optional.empty(),
          refusals,
          idle,
          PoolerBudget.all(model, project, servers, nearLimit, baseline, direct));
    } catch (IllegalArgumentException e) {
      return new CapacityAnalysis(pools, List.of(), Optional.of(e), refusals, idle, List.of());
    }
  }

  /** Every pool of every service that has load figures, a known pool size and a pod count. */
  public List<PoolCapacity> pools() {
    return pools;
  }

  /** The analysis of one service variant's pool, when it has load figures. */
  public Optional<PoolCapacity> pool(Service service, DataSource dataSource) {
    return pools.stream()
        .filter(p -> p.service().equals(service) && p.dataSource().name().equals(dataSource.name()))
        .findFirst();
  }

  /**
   * The budgets of every database with a limit and at least one member.
   *
   * @throws IllegalArgumentException when the budget maths refuses the fleet (the rule asking fails
   *     the run with it)
   */
  public List<DatabaseBudget> databases() {
    if (refused.isPresent()) {
      throw refused.get();
    }
    return databases;
  }

  /** Every database whose {@code postgresql.conf} PostgreSQL refuses to start with. */
  public List<DatabaseBudget.ServerRefusal> refusals() {
    return refusals;
  }

  /** The two-tier budgets of every database behind a pooler PgBouncer would load. */
  public List<PoolerBudget> poolers() {
    return poolers;
  }

  /** The budgets to chart: none when the budget maths refused the fleet. */
  public List<DatabaseBudget> chartedDatabases() {
    return databases;
  }
}
