package dev.poolguard.core.capacity;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The baseline's pool sizes, which the old pods of a rollout still run. */
final class BaselinePools {

  private BaselinePools() {}

  /**
   * The pool the member's old pods run during a rollout: the baseline's pool of the same service
   * (same profiles when the baseline has them, same workload when it runs as several) and
   * datasource.
   */
  static OptionalInt of(DeploymentModel baseline, Service service, DataSource dataSource) {
    OptionalInt best = OptionalInt.empty();
    int bestScore = -1;
    for (Service s : baseline.services()) {
      if (!s.name().equals(service.name())) {
        continue;
      }
      int score =
          (s.profileLabel().equals(service.profileLabel()) ? 2 : 0)
              + (workload(s).equals(workload(service)) ? 1 : 0);
      for (DataSource ds : s.dataSources()) {
        OptionalInt pool = PoolSizes.poolMax(ds);
        if (ds.name().equals(dataSource.name()) && pool.isPresent() && score > bestScore) {
          best = pool;
          bestScore = score;
        }
      }
    }
    return best;
  }

  private static String workload(Service s) {
    return s.deployment().map(d -> d.workload().describe()).orElse("");
  }

  /** The budget terms of {@code members}, with the baseline's pools of their old pods. */
  static List<FleetBudget.Member> terms(
      List<DatabaseBudget.Member> members, Optional<DeploymentModel> baseline) {
    List<FleetBudget.Member> terms = new ArrayList<>();
    for (DatabaseBudget.Member m : members) {
      terms.add(
          new FleetBudget.Member(
              m.service().name(),
              m.replicas(),
              m.maxReplicas(),
              m.pool(),
              baseline
                  .map(b -> BaselinePools.of(b, m.service(), m.dataSource()))
                  .orElse(OptionalInt.empty()),
              m.surge()));
    }
    return terms;
  }
}
