package dev.poolguard.core.capacity;

import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.model.workload.Workload;
import java.util.Optional;

/**
 * Pods a workload runs, as the Kubernetes controllers keep it: an autoscaler holds {@code
 * spec.replicas} inside {@code [minReplicas, maxReplicas]}, except that it leaves a workload scaled
 * to zero alone.
 *
 * <p>Source: kubernetes/kubernetes, pkg/controller/podautoscaler/horizontal.go, {@code
 * reconcileAutoscaler}: when {@code scale.Spec.Replicas == 0 && minReplicas != 0} it sets the
 * condition {@code ScalingDisabled} and keeps 0 replicas; otherwise it clamps the current count to
 * the range before scaling on metrics.
 */
final class PodCounts {

  private PodCounts() {}

  /** A workload whose manifest sets {@code replicas: 0}: nothing runs and no autoscaler acts. */
  static boolean scaledToZero(Workload workload) {
    return workload.replicas().value() == 0 && !workload.replicas().defaulted();
  }

  /** Pods at rest: {@code spec.replicas}, held inside the autoscaler's range unless it is 0. */
  static int atRest(Workload workload, Optional<Autoscaler> hpa) {
    int replicas = workload.replicas().value();
    if (hpa.isEmpty() || scaledToZero(workload)) {
      return replicas;
    }
    int min = hpa.get().minReplicas().value();
    int max = hpa.get().maxReplicas().map(c -> c.value()).orElse(Math.max(replicas, min));
    return Math.min(Math.max(replicas, min), Math.max(min, max));
  }

  /** The most pods the workload may run: the autoscaler's maximum, none when scaled to zero. */
  static int atMost(Workload workload, Optional<Autoscaler> hpa) {
    int rest = atRest(workload, hpa);
    if (hpa.isEmpty() || scaledToZero(workload) || hpa.get().maxReplicas().isEmpty()) {
      return rest;
    }
    return Math.max(rest, hpa.get().maxReplicas().get().value());
  }

  /** The pod count the controllers would hold a stated peak at, and what holds it. */
  record Bound(int count, String by) {}

  /**
   * Where a stated peak pod count meets the manifests: an HPA never runs fewer than minReplicas or
   * more than maxReplicas, and a workload without one runs its fixed replicas. Empty when the
   * stated count is possible (or the workload is scaled to zero, where something outside
   * Kubernetes' HPA, such as KEDA, may bring pods up).
   */
  static Optional<Bound> peakBound(Workload workload, Optional<Autoscaler> hpa, int stated) {
    if (scaledToZero(workload)) {
      return Optional.empty();
    }
    if (hpa.isEmpty()) {
      int fixed = workload.replicas().value();
      return stated > fixed
          ? Optional.of(new Bound(fixed, "the fixed replicas " + fixed + " (no HPA scales it)"))
          : Optional.empty();
    }
    int min = hpa.get().minReplicas().value();
    if (stated < min) {
      return Optional.of(new Bound(min, "the HPA's minReplicas " + min));
    }
    if (hpa.get().maxReplicas().isPresent() && stated > hpa.get().maxReplicas().get().value()) {
      int max = hpa.get().maxReplicas().get().value();
      return Optional.of(new Bound(max, "the HPA's maxReplicas " + max));
    }
    return Optional.empty();
  }
}
