package dev.poolguard.core.capacity;

/**
 * What a workload's update strategy allows while it rolls: extra pods, pods down, pods left
 * serving, and the most pods that exist at once.
 *
 * <p>Pods still terminating are not counted (Kubernetes does not count them either), so the real
 * pod count — and the connections they hold — can briefly exceed {@link #maxTotalPods()}.
 *
 * @param strategy the workload kind and update strategy
 * @param replicas {@code spec.replicas}
 * @param maxSurge pods above {@code replicas} the rollout may add (never more than {@code
 *     replicas}: the controller does not create more new pods than desired)
 * @param maxUnavailable pods below {@code replicas} the rollout may take out of service (never more
 *     than {@code replicas})
 * @param podsServing {@code replicas − maxUnavailable}, the ready pods guaranteed during the
 *     rollout; may be 0, and callers must say so rather than divide by it
 * @param maxTotalPods {@code replicas + maxSurge}
 */
public record RolloutPlan(
    Strategy strategy,
    int replicas,
    int maxSurge,
    int maxUnavailable,
    int podsServing,
    int maxTotalPods) {

  /** The update strategies poolguard understands. */
  public enum Strategy {
    DEPLOYMENT_ROLLING_UPDATE,
    DEPLOYMENT_RECREATE,
    STATEFULSET_ROLLING_UPDATE,
    /** Pods change only when someone deletes them; the controller takes none down itself. */
    STATEFULSET_ON_DELETE
  }

  public RolloutPlan {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy must not be null");
    }
    Checks.atLeast("replicas", replicas, 0);
    if (maxSurge < 0 || maxSurge > replicas) {
      throw new IllegalArgumentException(
          "maxSurge must be in [0, replicas=" + replicas + "], got " + maxSurge);
    }
    if (maxUnavailable < 0 || maxUnavailable > replicas) {
      throw new IllegalArgumentException(
          "maxUnavailable must be in [0, replicas=" + replicas + "], got " + maxUnavailable);
    }
    if (podsServing != replicas - maxUnavailable || maxTotalPods != replicas + maxSurge) {
      throw new IllegalArgumentException(
          "podsServing must be replicas - maxUnavailable and maxTotalPods replicas + maxSurge");
    }
  }

  /** Whether no pod is guaranteed to serve during the rollout (an outage window). */
  public boolean noPodsServing() {
    return podsServing == 0;
  }
}
