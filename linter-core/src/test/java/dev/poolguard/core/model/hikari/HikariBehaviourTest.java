package dev.poolguard.core.model.hikari;

import static dev.poolguard.core.model.hikari.HikariBehaviour.CONNECTION_TIMEOUT;
import static dev.poolguard.core.model.hikari.HikariBehaviour.IDLE_TIMEOUT;
import static dev.poolguard.core.model.hikari.HikariBehaviour.KEEPALIVE_TIME;
import static dev.poolguard.core.model.hikari.HikariBehaviour.LEAK_DETECTION_THRESHOLD;
import static dev.poolguard.core.model.hikari.HikariBehaviour.MAXIMUM_POOL_SIZE;
import static dev.poolguard.core.model.hikari.HikariBehaviour.MAX_LIFETIME;
import static dev.poolguard.core.model.hikari.HikariBehaviour.MINIMUM_IDLE;
import static dev.poolguard.core.model.hikari.HikariBehaviour.VALIDATION_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment;
import dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment.Kind;
import dev.poolguard.core.model.hikari.HikariBehaviour.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Examples of the model; {@code HikariBehaviourCrossCheckTest} proves it against HikariCP. */
class HikariBehaviourTest {

  @Test
  void everyModelledKeyIsInTheCatalogueAsAMillisecondOrCountSetting() {
    for (String key : HikariBehaviour.KEYS) {
      assertThat(HikariProperties.find(key).orElseThrow().type())
          .as(key)
          .isIn(HikariProperty.Type.MILLIS, HikariProperty.Type.COUNT);
    }
  }

  @Test
  void nothingSetGivesHikariDefaultsWithoutAdjustments() {
    Outcome outcome = HikariBehaviour.evaluate(Map.of());

    assertThat(outcome.adjustments()).isEmpty();
    assertThat(outcome.effective())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                MAXIMUM_POOL_SIZE, 10L,
                MINIMUM_IDLE, 10L,
                CONNECTION_TIMEOUT, 30_000L,
                VALIDATION_TIMEOUT, 5_000L,
                IDLE_TIMEOUT, 600_000L,
                MAX_LIFETIME, 1_800_000L,
                KEEPALIVE_TIME, 120_000L,
                LEAK_DETECTION_THRESHOLD, 0L));
  }

  @Test
  void maxLifetimeBelowThirtySecondsIsReset() {
    Adjustment a = only(HikariBehaviour.evaluate(Map.of(MAX_LIFETIME, 23_800L)));

    assertThat(a)
        .isEqualTo(
            new Adjustment(
                MAX_LIFETIME,
                Kind.RESET,
                23_800,
                1_800_000,
                "HikariCP replaces maxLifetime below 30000 ms (other than 0) with 1800000 ms"
                    + " (30 min)"));
  }

  @Test
  void connectionTimeoutBelowTheFloorFailsStartupButZeroWaitsForever() {
    Outcome failing = HikariBehaviour.evaluate(Map.of(CONNECTION_TIMEOUT, 100L));
    assertThat(failing.startupFails()).isTrue();
    assertThat(only(failing).explanation()).contains("below 250 ms");

    Outcome forever = HikariBehaviour.evaluate(Map.of(CONNECTION_TIMEOUT, 0L));
    assertThat(forever.startupFails()).isFalse();
    assertThat(forever.adjustments()).isEmpty();
    assertThat(forever.effective(CONNECTION_TIMEOUT)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void maximumPoolSizeBelowOneFailsStartupRatherThanFallingBackToTen() {
    Outcome outcome = HikariBehaviour.evaluate(Map.of(MAXIMUM_POOL_SIZE, 0L));

    assertThat(only(outcome).kind()).isEqualTo(Kind.STARTUP_FAILS);
  }

  @Test
  void poolSizesThatDoNotFitAnIntFailToBind() {
    Outcome outcome = HikariBehaviour.evaluate(Map.of(MAXIMUM_POOL_SIZE, 3_000_000_000L));

    assertThat(only(outcome).kind()).isEqualTo(Kind.STARTUP_FAILS);
    assertThat(only(outcome).explanation()).contains("int");
  }

  @Test
  void minimumIdleAboveMaximumIsClampedAndAnIdleTimeoutThenIgnored() {
    Outcome outcome =
        HikariBehaviour.evaluate(
            Map.of(MAXIMUM_POOL_SIZE, 10L, MINIMUM_IDLE, 20L, IDLE_TIMEOUT, 300_000L));

    assertThat(outcome.effective(MINIMUM_IDLE)).isEqualTo(10);
    assertThat(outcome.adjustment(MINIMUM_IDLE)).map(Adjustment::kind).contains(Kind.CLAMPED);
    assertThat(outcome.adjustment(IDLE_TIMEOUT)).map(Adjustment::kind).contains(Kind.IGNORED);
    assertThat(outcome.effective(IDLE_TIMEOUT)).isEqualTo(300_000);
  }

  @Test
  void theDefaultIdleTimeoutIsDisabledByAShortMaxLifetimeOnAShrinkingPool() {
    Adjustment a =
        only(HikariBehaviour.evaluate(Map.of(MINIMUM_IDLE, 2L, MAX_LIFETIME, 300_000L), 5));

    assertThat(a.kind()).isEqualTo(Kind.DISABLED);
    assertThat(a.configured()).isEqualTo(600_000);
    assertThat(a.explanation()).startsWith("HikariCP disables the default idleTimeout 600000 ms");
  }

  @Test
  void theKeepaliveDefaultDependsOnTheMajor() {
    Map<String, Long> shortLifetime = Map.of(MAX_LIFETIME, 60_000L);

    assertThat(HikariBehaviour.evaluate(shortLifetime, 5).adjustments()).isEmpty();
    Adjustment a = only(HikariBehaviour.evaluate(shortLifetime, 6));
    assertThat(a.key()).isEqualTo(KEEPALIVE_TIME);
    assertThat(a.explanation())
        .isEqualTo(
            "HikariCP disables the default keepaliveTime 120000 ms because it is not below"
                + " maxLifetime 60000 ms");
  }

  @Test
  void leakDetectionOutsideTwoSecondsToMaxLifetimeIsDisabledButNegativeIsKept() {
    assertThat(only(HikariBehaviour.evaluate(Map.of(LEAK_DETECTION_THRESHOLD, 1_999L))).kind())
        .isEqualTo(Kind.DISABLED);
    Outcome negative = HikariBehaviour.evaluate(Map.of(LEAK_DETECTION_THRESHOLD, -1L));
    assertThat(negative.adjustments()).isEmpty();
    assertThat(negative.effective(LEAK_DETECTION_THRESHOLD)).isEqualTo(-1);
  }

  @Test
  void aRejectedValueIsTheOnlyAdjustmentOfItsKey() {
    Outcome outcome =
        HikariBehaviour.evaluate(
            Map.of(IDLE_TIMEOUT, -1L, MINIMUM_IDLE, 2L, MAX_LIFETIME, 300_000L));

    assertThat(outcome.adjustments())
        .extracting(Adjustment::kind)
        .containsExactly(Kind.STARTUP_FAILS);
  }

  @Test
  void unknownKeysAreIgnoredAndUnmodelledMajorsRejected() {
    assertThat(HikariBehaviour.evaluate(Map.of("pool-name", 3L)).adjustments()).isEmpty();
    assertThatThrownBy(() -> HikariBehaviour.evaluate(Map.of(), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HikariBehaviour.evaluate(Map.of()).effective("pool-name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Adjustment only(Outcome outcome) {
    assertThat(outcome.adjustments()).hasSize(1);
    return outcome.adjustments().get(0);
  }
}
