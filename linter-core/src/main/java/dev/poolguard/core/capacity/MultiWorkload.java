package dev.poolguard.core.capacity;

import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service that runs as several workloads (one Deployment per zone, a canary beside the stable
 * one): the pods of all of them share its peak load, while each workload keeps its own pool size
 * and rollout.
 */
final class MultiWorkload {

  private MultiWorkload() {}

  /**
   * The pods that share {@code service}'s peak: its own, plus those of the other workloads of the
   * same service and profiles. {@code replicasAtPeak} already counts the whole service.
   */
  static PoolCapacity.Pods sharing(
      Service service, PoolCapacity.Pods own, List<Service> all, ServiceConfig config) {
    boolean stated = config.load().map(l -> l.replicasAtPeak().isPresent()).orElse(false);
    if (stated || service.deployment().isEmpty()) {
      return own;
    }
    int total = 0;
    List<String> parts = new ArrayList<>();
    for (Service other : all) {
      if (!other.name().equals(service.name())
          || !other.profileLabel().equals(service.profileLabel())
          || other.deployment().isEmpty()) {
        continue;
      }
      Optional<PoolCapacity.Pods> pods =
          other == service ? Optional.of(own) : PoolCapacity.pods(other, config);
      int count = pods.map(PoolCapacity.Pods::count).orElse(0);
      total += count;
      parts.add(other.deployment().get().workload().describe() + " " + count);
    }
    if (parts.size() < 2) {
      return own;
    }
    return new PoolCapacity.Pods(
        total,
        own.source() + "; " + total + " pods in all (" + String.join(" + ", parts) + ")",
        own.position(),
        own.conflict());
  }
}
