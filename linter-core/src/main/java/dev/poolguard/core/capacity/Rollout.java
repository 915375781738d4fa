package dev.poolguard.core.capacity;

import dev.poolguard.core.capacity.RolloutPlan.Strategy;
import java.util.Optional;

/**
 * Kubernetes rollout arithmetic: how many pods a Deployment or StatefulSet adds and takes down
 * while it rolls, as the {@code apps/v1} controllers compute it.
 *
 * <p>Deployment {@code RollingUpdate} follows {@code ResolveFenceposts} in {@code
 * kubernetes/kubernetes} {@code pkg/controller/deployment/util/deployment_util.go}: {@code
 * maxSurge} rounds up, {@code maxUnavailable} rounds down, and if both resolve to 0 {@code
 * maxUnavailable} becomes 1; {@code MaxUnavailable} then caps it at {@code replicas}.
 */
final class Rollout {

  /** The API server's default for both Deployment bounds. */
  public static final IntOrPercent DEPLOYMENT_DEFAULT = IntOrPercent.percentOf(25);

  /** The StatefulSet {@code maxUnavailable} default: one pod at a time. */
  public static final IntOrPercent STATEFULSET_DEFAULT = IntOrPercent.count(1);

  private Rollout() {}

  /**
   * A Deployment with {@code strategy.type: RollingUpdate}.
   *
   * @param maxSurge {@code rollingUpdate.maxSurge}; empty for the 25 % default
   * @param maxUnavailable {@code rollingUpdate.maxUnavailable}; empty for the 25 % default
   * @throws IllegalArgumentException for bounds the API server refuses: both 0, or {@code
   *     maxUnavailable} above 100 %
   */
  public static RolloutPlan deploymentRollingUpdate(
      int replicas, Optional<IntOrPercent> maxSurge, Optional<IntOrPercent> maxUnavailable) {
    Checks.atLeast("replicas", replicas, 0);
    IntOrPercent surgeBound = maxSurge.orElse(DEPLOYMENT_DEFAULT);
    IntOrPercent unavailableBound = maxUnavailable.orElse(DEPLOYMENT_DEFAULT);
    if (surgeBound.value() == 0 && unavailableBound.value() == 0) {
      throw new IllegalArgumentException(
          "maxSurge "
              + surgeBound
              + " and maxUnavailable "
              + unavailableBound
              + " are both 0: Kubernetes rejects the Deployment"
              + " (maxUnavailable may not be 0 when maxSurge is 0); raise one of them");
    }
    if (unavailableBound.percent() && unavailableBound.value() > 100) {
      throw new IllegalArgumentException(
          "maxUnavailable " + unavailableBound + " must not be greater than 100%");
    }
    long surge = surgeBound.resolve(replicas, true);
    long unavailable = unavailableBound.resolve(replicas, false);
    if (surge == 0 && unavailable == 0) {
      // ResolveFenceposts: rounding down can make both 0; take one pod down rather than stall.
      unavailable = 1;
    }
    return plan(Strategy.DEPLOYMENT_ROLLING_UPDATE, replicas, surge, unavailable);
  }

  /** A Deployment with {@code strategy.type: Recreate}: every old pod stops before any new one. */
  public static RolloutPlan deploymentRecreate(int replicas) {
    Checks.atLeast("replicas", replicas, 0);
    return plan(Strategy.DEPLOYMENT_RECREATE, replicas, 0, replicas);
  }

  /**
   * A StatefulSet with {@code updateStrategy.type: RollingUpdate}: no surge; pods replaced {@code
   * maxUnavailable} at a time (a percentage rounds up).
   *
   * <p>Servers without the {@code MaxUnavailableStatefulSet} feature ignore {@code maxUnavailable}
   * and replace one pod at a time; honouring the declared value is the cautious reading for the
   * load on the pods that stay.
   *
   * @param maxUnavailable {@code rollingUpdate.maxUnavailable}; empty for the default of 1
   * @throws IllegalArgumentException when {@code maxUnavailable} is 0, which the API refuses
   */
  /**
   * The rollout of a service no manifest describes (only {@code replicas:} in poolguard.yaml, or no
   * pod count at all): a Deployment with the strategy the API server fills in.
   */
  public static RolloutPlan withoutManifest(int replicas) {
    return deploymentRollingUpdate(replicas, Optional.empty(), Optional.empty());
  }

  public static RolloutPlan statefulSetRollingUpdate(
      int replicas, Optional<IntOrPercent> maxUnavailable) {
    return statefulSetRollingUpdate(replicas, maxUnavailable, 0);
  }

  /**
   * A StatefulSet rolling update with {@code partition}: pods with a lower ordinal are not updated,
   * so at most {@code replicas - partition} pods are ever taken down (none at or above replicas).
   */
  public static RolloutPlan statefulSetRollingUpdate(
      int replicas, Optional<IntOrPercent> maxUnavailable, int partition) {
    Checks.atLeast("replicas", replicas, 0);
    IntOrPercent bound = maxUnavailable.orElse(STATEFULSET_DEFAULT);
    if (bound.value() == 0) {
      throw new IllegalArgumentException(
          "StatefulSet maxUnavailable " + bound + " can not be 0; remove it for the default of 1");
    }
    // kubernetes/kubernetes pkg/controller/statefulset/stateful_set_utils.go,
    // getStatefulSetMaxUnavailable: a percentage rounds down (GetScaledValueFromIntOrPercent with
    // roundUp false), then at least 1; model.workload.Strategy#unavailablePods agrees.
    return plan(
        Strategy.STATEFULSET_ROLLING_UPDATE,
        replicas,
        0,
        Math.min(Math.max(1L, bound.resolve(replicas, false)), Math.max(0, replicas - partition)));
  }

  /** A StatefulSet with {@code updateStrategy.type: OnDelete}: the controller takes no pod down. */
  public static RolloutPlan statefulSetOnDelete(int replicas) {
    Checks.atLeast("replicas", replicas, 0);
    return plan(Strategy.STATEFULSET_ON_DELETE, replicas, 0, 0);
  }

  private static RolloutPlan plan(Strategy strategy, int replicas, long surge, long unavailable) {
    // Neither bound can exceed replicas in effect: new pods stop at replicas, old pods at zero.
    int s = (int) Math.min(surge, replicas);
    int u = (int) Math.min(unavailable, replicas);
    return new RolloutPlan(strategy, replicas, s, u, replicas - u, replicas + s);
  }
}
