package dev.poolguard.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.capacity.FleetBudget.ConcurrentRollouts;
import dev.poolguard.core.capacity.FleetBudget.Contribution;
import dev.poolguard.core.capacity.FleetBudget.Level;
import dev.poolguard.core.capacity.FleetBudget.Member;
import dev.poolguard.core.capacity.FleetBudget.Result;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FleetBudgetTest {

  /**
   * orders-api: 6 replicas, HPA max 10, pool 20 now but 30 in the baseline; rolling at full scale
   * with the 25 % default surges ceil(2.5) = 3 pods. billing: 4 replicas, no HPA, pool 10, surge
   * ceil(1) = 1.
   */
  private static List<Member> twoServices() {
    int ordersSurge =
        Rollout.deploymentRollingUpdate(10, Optional.empty(), Optional.empty()).maxSurge();
    int billingSurge =
        Rollout.deploymentRollingUpdate(4, Optional.empty(), Optional.empty()).maxSurge();
    return List.of(
        new Member("orders-api", 6, 10, 20, OptionalInt.of(30), ordersSurge),
        new Member("billing", 4, 4, 10, OptionalInt.empty(), billingSurge));
  }

  @Test
  void twoServicesSharingADatabaseKeepEveryTerm() {
    Result r =
        FleetBudget.evaluate(
            "orders-db", ConnectionLimit.declared(500, 10), twoServices(), ConcurrentRollouts.ONE);

    assertThat(r.services())
        .containsExactly(
            // worst moment of the shrink 30 -> 20: 10 pods still on 30, 3 surge pods on 20
            // (10 x 30 + 3 x 20 = 360), 160 above full scale's 10 x 20
            new Contribution("orders-api", 120, 200, 160, true),
            new Contribution("billing", 40, 40, 10, false));
    assertThat(r.steady()).isEqualTo(160);
    assertThat(r.fullScale()).isEqualTo(240);
    assertThat(r.rolloutSurge()).isEqualTo(160);
    assertThat(r.rollout()).isEqualTo(400);
    assertThat(r.budget()).isEqualTo(490);
    assertThat(r.rollingService()).contains("orders-api");
    assertThat(r.level()).isEqualTo(Level.WITHIN);
    assertThat(r.usedFraction()).isEqualTo(400.0 / 490);
  }

  @Test
  void allRolloutsAtOnceAddEverySurge() {
    Result r =
        FleetBudget.evaluate(
            "orders-db", ConnectionLimit.declared(500, 10), twoServices(), ConcurrentRollouts.ALL);

    assertThat(r.services()).extracting(Contribution::rolling).containsExactly(true, true);
    assertThat(r.rolloutSurge()).isEqualTo(170);
    assertThat(r.rollout()).isEqualTo(410);
    assertThat(r.rollingService()).isEmpty();
  }

  @Test
  void aRolloutPeaksWithEveryPodOnTheLargerPoolAndTheSurgeOnTheSmaller() {
    // R x max(new, old) + surge x min(new, old): a shrink 40 -> 10 peaks at its start (4 old pods
    // on 40, 1 new on 10), a growth 10 -> 40 at its end (4 new on 40, 1 old on 10): both 170,
    // which is full scale (4 x new) plus the extra below.
    Member shrinking = new Member("orders-api", 4, 4, 10, OptionalInt.of(40), 1);
    Member growing = new Member("orders-api", 4, 4, 40, OptionalInt.of(10), 1);
    Member fresh = new Member("orders-api", 4, 4, 10, OptionalInt.empty(), 1);
    ConnectionLimit limit = ConnectionLimit.declared(1000, 0);

    assertThat(surge(limit, shrinking)).isEqualTo(130);
    assertThat(surge(limit, growing)).isEqualTo(10);
    assertThat(surge(limit, fresh)).isEqualTo(10);
  }

  private static long surge(ConnectionLimit limit, Member m) {
    return FleetBudget.evaluate("db", limit, List.of(m), ConcurrentRollouts.ONE).rolloutSurge();
  }

  @Test
  void saysWhichTotalExceedsTheBudget() {
    Result rolloutOnly =
        FleetBudget.evaluate(
            "orders-db", ConnectionLimit.declared(300, 0), twoServices(), ConcurrentRollouts.ONE);
    assertThat(rolloutOnly.fullScaleExceeded()).isFalse();
    assertThat(rolloutOnly.rolloutExceeded()).isTrue();
    assertThat(rolloutOnly.level()).isEqualTo(Level.EXCEEDED);
    assertThat(rolloutOnly.nearLimit()).isFalse();

    Result both =
        FleetBudget.evaluate(
            "orders-db", ConnectionLimit.declared(200, 0), twoServices(), ConcurrentRollouts.ONE);
    assertThat(both.fullScaleExceeded()).isTrue();
    assertThat(both.rolloutExceeded()).isTrue();
  }

  @Test
  void nearLimitThresholdIsConfigurable() {
    // rollout 400 against a budget of 426: 94 %.
    ConnectionLimit limit = ConnectionLimit.declared(436, 10);
    Result standard = FleetBudget.evaluate("db", limit, twoServices(), ConcurrentRollouts.ONE);
    assertThat(standard.nearLimitFraction()).isEqualTo(FleetBudget.DEFAULT_NEAR_LIMIT);
    assertThat(standard.level()).isEqualTo(Level.NEAR_LIMIT);

    Result relaxed = FleetBudget.evaluate("db", limit, twoServices(), ConcurrentRollouts.ONE, 0.95);
    assertThat(relaxed.level()).isEqualTo(Level.WITHIN);
  }

  @Test
  void nearLimitBoundaries() {
    Member one = new Member("svc", 9, 9, 10, OptionalInt.empty(), 0);
    // exactly 90 % is not above 90 %
    assertThat(
            FleetBudget.evaluate(
                    "db", ConnectionLimit.declared(100, 0), List.of(one), ConcurrentRollouts.ONE)
                .level())
        .isEqualTo(Level.WITHIN);
    // exactly the budget is near, not exceeded
    assertThat(
            FleetBudget.evaluate(
                    "db", ConnectionLimit.declared(90, 0), List.of(one), ConcurrentRollouts.ONE)
                .level())
        .isEqualTo(Level.NEAR_LIMIT);
    assertThat(
            FleetBudget.evaluate(
                    "db", ConnectionLimit.declared(89, 0), List.of(one), ConcurrentRollouts.ONE)
                .level())
        .isEqualTo(Level.EXCEEDED);
  }

  @Test
  void postgresqlConfReservesServerSlots() {
    // PostgreSQL defaults: superuser_reserved_connections 3, reserved_connections 0.
    ConnectionLimit defaults =
        ConnectionLimit.fromPostgresqlConf(100, OptionalInt.empty(), OptionalInt.empty(), 0);
    assertThat(defaults.serverReserved()).isEqualTo(3);
    assertThat(defaults.budget()).isEqualTo(97);

    ConnectionLimit explicit =
        ConnectionLimit.fromPostgresqlConf(200, OptionalInt.of(10), OptionalInt.of(5), 7);
    assertThat(explicit).isEqualTo(new ConnectionLimit(200, 7, 15));
    assertThat(explicit.budget()).isEqualTo(178);

    // Declared numbers already exclude the server's slots.
    assertThat(ConnectionLimit.declared(100, 0).budget()).isEqualTo(100);
  }

  @Test
  void reservationsAboveTheLimitLeaveNoBudget() {
    ConnectionLimit limit = ConnectionLimit.declared(10, 20);
    Member idle = new Member("svc", 0, 0, 10, OptionalInt.empty(), 0);
    Result r = FleetBudget.evaluate("db", limit, List.of(idle), ConcurrentRollouts.ONE);
    assertThat(r.budget()).isEqualTo(-10);
    assertThat(r.level()).isEqualTo(Level.EXCEEDED);
    assertThat(r.usedFraction()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void replicasAboveTheHpaMaximumStillCount() {
    Member m = new Member("svc", 8, 5, 10, OptionalInt.empty(), 0);
    Result r =
        FleetBudget.evaluate(
            "db", ConnectionLimit.declared(1000, 0), List.of(m), ConcurrentRollouts.ONE);
    assertThat(r.fullScale()).isEqualTo(80);
  }

  @Test
  void oneRolloutPicksTheLargestSurgeFirstListedOnTies() {
    List<Member> tied =
        List.of(
            new Member("a", 2, 2, 10, OptionalInt.empty(), 1),
            new Member("b", 2, 2, 5, OptionalInt.empty(), 2),
            new Member("c", 2, 2, 1, OptionalInt.empty(), 0));
    Result r =
        FleetBudget.evaluate("db", ConnectionLimit.declared(100, 0), tied, ConcurrentRollouts.ONE);
    assertThat(r.rollingService()).contains("a");
    assertThat(r.rolloutSurge()).isEqualTo(10);
    assertThat(r.services()).extracting(Contribution::rolling).containsExactly(true, false, false);
  }

  @Test
  void noSurgeMeansNoRollingService() {
    Member recreate = new Member("svc", 3, 3, 10, OptionalInt.empty(), 0);
    Result r =
        FleetBudget.evaluate(
            "db", ConnectionLimit.declared(100, 0), List.of(recreate), ConcurrentRollouts.ONE);
    assertThat(r.rollingService()).isEmpty();
    assertThat(r.rollout()).isEqualTo(r.fullScale());
  }

  @Test
  void aServiceWithTwoPoolsOnOneDatabaseRollsOutAsOne() {
    // ledger opens two pools on the database (two datasources); its pods surge with both.
    List<Member> members =
        List.of(
            new Member("ledger", 2, 2, 100, OptionalInt.empty(), 1),
            new Member("ledger", 2, 2, 50, OptionalInt.empty(), 1),
            new Member("orders", 4, 4, 120, OptionalInt.empty(), 1));
    Result r =
        FleetBudget.evaluate(
            "db", ConnectionLimit.declared(1000, 0), members, ConcurrentRollouts.ONE);
    assertThat(r.steady()).isEqualTo(2 * 100 + 2 * 50 + 4 * 120);
    // ledger's pods surge 150 connections together, more than orders' 120.
    assertThat(r.rolloutSurge()).isEqualTo(150);
    assertThat(r.services()).extracting(c -> c.rolling()).containsExactly(true, true, false);
  }

  @Test
  void refusesInvalidInputs() {
    assertThatThrownBy(() -> new Member("svc", -1, 1, 10, OptionalInt.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replicas must be >= 0, got -1");
    assertThatThrownBy(() -> new Member("svc", 1, 1, 10, OptionalInt.of(-5), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baselinePoolMax");
    assertThatThrownBy(() -> ConnectionLimit.declared(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConnections");
    assertThatThrownBy(
            () ->
                FleetBudget.evaluate(
                    "db", ConnectionLimit.declared(100, 0), List.of(), ConcurrentRollouts.ONE, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nearLimitFraction");
  }
}
