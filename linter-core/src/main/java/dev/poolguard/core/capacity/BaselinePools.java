package dev.poolguard.core.capacity;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Service;
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
}
