package dev.poolguard.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.capacity.RolloutPlan.Strategy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RolloutTest {

  private static final Optional<IntOrPercent> DEFAULT = Optional.empty();

  private static Optional<IntOrPercent> bound(String text) {
    return Optional.of(IntOrPercent.parse(text));
  }

  /**
   * The Kubernetes Deployment docs (kubernetes/website, concepts/workloads/controllers/
   * deployment.md) with the 25 % defaults: 3 replicas keep at least 3 available and at most 4 pods;
   * 4 replicas keep 3..5.
   */
  @Test
  void kubernetesDocExamples() {
    RolloutPlan three = Rollout.deploymentRollingUpdate(3, DEFAULT, DEFAULT);
    assertThat(three).isEqualTo(new RolloutPlan(Strategy.DEPLOYMENT_ROLLING_UPDATE, 3, 1, 0, 3, 4));

    RolloutPlan four = Rollout.deploymentRollingUpdate(4, DEFAULT, DEFAULT);
    assertThat(four.podsServing()).isEqualTo(3);
    assertThat(four.maxTotalPods()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0} replicas, surge {1}, unavailable {2}")
  @CsvSource({
    // replicas, maxSurge, maxUnavailable, surge, unavailable
    "10, 25%, 25%, 3, 2", // ceil(2.5), floor(2.5)
    "10, 30%, 30%, 3, 3",
    "7,  10%, 10%, 1, 0", // ceil(0.7) = 1 extra pod, floor(0.7) = 0 down: no fencepost needed
    "6,  50%, 33%, 3, 1", // floor(1.98)
    "5,  2,   1,   2, 1",
    "20, 1,   0,   1, 0",
    "3,  200%, 1,  3, 1", // surge capped at replicas: the controller stops new pods at replicas
    "3,  1,   10,  1, 3", // unavailable capped at replicas, as MaxUnavailable() does
    "3,  0,   100%, 0, 3"
  })
  void deploymentPercentagesRoundAsTheController(
      int replicas, String surge, String unavailable, int expectedSurge, int expectedUnavailable) {
    RolloutPlan plan = Rollout.deploymentRollingUpdate(replicas, bound(surge), bound(unavailable));
    assertThat(plan.maxSurge()).isEqualTo(expectedSurge);
    assertThat(plan.maxUnavailable()).isEqualTo(expectedUnavailable);
    assertThat(plan.podsServing()).isEqualTo(replicas - expectedUnavailable);
    assertThat(plan.maxTotalPods()).isEqualTo(replicas + expectedSurge);
  }

  /** ResolveFenceposts: when both bounds round to 0, one pod may go down. */
  @Test
  void zeroZeroFencepostMakesOnePodUnavailable() {
    RolloutPlan plan = Rollout.deploymentRollingUpdate(3, bound("0"), bound("25%"));
    assertThat(plan).isEqualTo(new RolloutPlan(Strategy.DEPLOYMENT_ROLLING_UPDATE, 3, 0, 1, 2, 3));

    RolloutPlan percents = Rollout.deploymentRollingUpdate(5, bound("0%"), bound("10%"));
    assertThat(percents.maxUnavailable()).isEqualTo(1);
    assertThat(percents.podsServing()).isEqualTo(4);
  }

  @Test
  void refusesBoundsTheApiServerRefuses() {
    assertThatThrownBy(() -> Rollout.deploymentRollingUpdate(3, bound("0"), bound("0%")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSurge 0 and maxUnavailable 0% are both 0");
    assertThatThrownBy(() -> Rollout.deploymentRollingUpdate(3, DEFAULT, bound("150%")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxUnavailable 150% must not be greater than 100%");
    assertThatThrownBy(() -> Rollout.statefulSetRollingUpdate(3, bound("0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("can not be 0");
    assertThatThrownBy(() -> Rollout.deploymentRecreate(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replicas must be >= 0, got -1");
  }

  @Test
  void recreateStopsEveryPodFirst() {
    RolloutPlan plan = Rollout.deploymentRecreate(5);
    assertThat(plan).isEqualTo(new RolloutPlan(Strategy.DEPLOYMENT_RECREATE, 5, 0, 5, 0, 5));
    assertThat(plan.noPodsServing()).isTrue();
  }

  @Test
  void statefulSetRollsOnePodAtATimeByDefault() {
    RolloutPlan plan = Rollout.statefulSetRollingUpdate(3, DEFAULT);
    assertThat(plan).isEqualTo(new RolloutPlan(Strategy.STATEFULSET_ROLLING_UPDATE, 3, 0, 1, 2, 3));
  }

  @Test
  void statefulSetMaxUnavailablePercentRoundsDownToAtLeastOne() {
    // The StatefulSet controller rounds a percentage down, then takes at least 1
    // (pkg/controller/statefulset/stateful_set_utils.go, getStatefulSetMaxUnavailable):
    // 50 % of 3 is 1.5 → 1, unlike a Deployment's surge, which rounds up.
    assertThat(Rollout.statefulSetRollingUpdate(3, bound("50%")).maxUnavailable()).isEqualTo(1);
    assertThat(Rollout.statefulSetRollingUpdate(10, bound("25%")).maxUnavailable()).isEqualTo(2);
    assertThat(Rollout.statefulSetRollingUpdate(10, bound("1%")).maxUnavailable()).isEqualTo(1);
    assertThat(Rollout.statefulSetRollingUpdate(4, bound("2")).podsServing()).isEqualTo(2);
    assertThat(Rollout.statefulSetRollingUpdate(2, bound("5")).podsServing()).isZero();
  }

  @Test
  void statefulSetPartitionKeepsLowerOrdinalsUp() {
    // stateful_set_control.go updates only pods with an ordinal at or above partition
    // (updateMin = partition; for target := len(replicas) - 1; target >= updateMin; target--).
    assertThat(Rollout.statefulSetRollingUpdate(4, DEFAULT, 4).maxUnavailable()).isZero();
    assertThat(Rollout.statefulSetRollingUpdate(4, DEFAULT, 9).podsServing()).isEqualTo(4);
    assertThat(Rollout.statefulSetRollingUpdate(4, bound("3"), 2).maxUnavailable()).isEqualTo(2);
    assertThat(Rollout.statefulSetRollingUpdate(4, bound("3"), 0).maxUnavailable()).isEqualTo(3);
    assertThat(Rollout.statefulSetRollingUpdate(4, DEFAULT, 3).maxUnavailable()).isEqualTo(1);
  }

  @Test
  void onDeleteTakesNothingDown() {
    assertThat(Rollout.statefulSetOnDelete(3))
        .isEqualTo(new RolloutPlan(Strategy.STATEFULSET_ON_DELETE, 3, 0, 0, 3, 3));
  }

  @Test
  void zeroReplicasRollNothing() {
    RolloutPlan plan = Rollout.deploymentRollingUpdate(0, bound("2"), DEFAULT);
    assertThat(plan).isEqualTo(new RolloutPlan(Strategy.DEPLOYMENT_ROLLING_UPDATE, 0, 0, 0, 0, 0));
    assertThat(plan.noPodsServing()).isTrue();
    assertThat(Rollout.deploymentRecreate(0).maxTotalPods()).isZero();
    assertThat(Rollout.statefulSetRollingUpdate(0, DEFAULT).podsServing()).isZero();
    assertThat(Rollout.statefulSetOnDelete(0).podsServing()).isZero();
  }

  @Test
  void oneReplica() {
    // Defaults: ceil(0.25) = 1 extra pod, floor(0.25) = 0 down: the old pod serves throughout.
    assertThat(Rollout.deploymentRollingUpdate(1, DEFAULT, DEFAULT))
        .isEqualTo(new RolloutPlan(Strategy.DEPLOYMENT_ROLLING_UPDATE, 1, 1, 0, 1, 2));
    // No surge allowed: the fencepost takes the only pod down.
    assertThat(Rollout.deploymentRollingUpdate(1, bound("0"), DEFAULT).noPodsServing()).isTrue();
    assertThat(Rollout.deploymentRecreate(1).noPodsServing()).isTrue();
    assertThat(Rollout.statefulSetRollingUpdate(1, DEFAULT).noPodsServing()).isTrue();
  }

  @Test
  void parsesCountsAndPercentages() {
    assertThat(IntOrPercent.parse("25%")).isEqualTo(IntOrPercent.percentOf(25));
    assertThat(IntOrPercent.parse("3")).isEqualTo(IntOrPercent.count(3));
    assertThat(IntOrPercent.parse("0%")).isEqualTo(IntOrPercent.percentOf(0));
    assertThat(IntOrPercent.parse("100%").toString()).isEqualTo("100%");
  }

  @ParameterizedTest
  @ValueSource(strings = {"25.5%", "-1", "abc", "", "%", "25 %", "+3", "1e2", "99999999999%"})
  void refusesMalformedBoundsNamingTheValue(String text) {
    assertThatThrownBy(() -> IntOrPercent.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid rollout bound \"" + text + "\"")
        .hasMessageContaining("25%");
  }

  @Test
  void refusesNegativeBounds() {
    assertThatThrownBy(() -> IntOrPercent.count(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1");
  }

  @Test
  void planRecordKeepsItsArithmeticConsistent() {
    assertThatThrownBy(() -> new RolloutPlan(Strategy.DEPLOYMENT_RECREATE, 3, 0, 3, 1, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RolloutPlan(Strategy.DEPLOYMENT_RECREATE, 3, 4, 0, 3, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
