package dev.poolguard.rules.library;

import static dev.poolguard.core.model.hikari.HikariBehaviour.CONNECTION_TIMEOUT;
import static dev.poolguard.core.model.hikari.HikariBehaviour.IDLE_TIMEOUT;
import static dev.poolguard.core.model.hikari.HikariBehaviour.KEEPALIVE_TIME;
import static dev.poolguard.core.model.hikari.HikariBehaviour.LEAK_DETECTION_THRESHOLD;
import static dev.poolguard.core.model.hikari.HikariBehaviour.MAXIMUM_POOL_SIZE;
import static dev.poolguard.core.model.hikari.HikariBehaviour.MAX_LIFETIME;
import static dev.poolguard.core.model.hikari.HikariBehaviour.MINIMUM_IDLE;
import static dev.poolguard.core.model.hikari.HikariBehaviour.VALIDATION_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment;
import dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment.Kind;
import dev.poolguard.core.model.hikari.HikariBehaviour.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves {@link HikariBehaviour} against HikariCP 7.1.0: each configuration goes through the real
 * {@code HikariConfig} setters (an {@code IllegalArgumentException} is a startup failure) and its
 * public {@code validate()}, and the getters must show exactly the effective values and failures
 * the model predicts.
 */
class HikariBehaviourCrossCheckTest {

  private record Setting(
      ObjLongConsumer<HikariConfig> setter, ToLongFunction<HikariConfig> getter) {}

  private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

  static {
    SETTINGS.put(
        MAXIMUM_POOL_SIZE,
        new Setting(
            (c, v) -> c.setMaximumPoolSize(Math.toIntExact(v)), HikariConfig::getMaximumPoolSize));
    SETTINGS.put(
        MINIMUM_IDLE,
        new Setting((c, v) -> c.setMinimumIdle(Math.toIntExact(v)), HikariConfig::getMinimumIdle));
    SETTINGS.put(
        CONNECTION_TIMEOUT,
        new Setting(HikariConfig::setConnectionTimeout, HikariConfig::getConnectionTimeout));
    SETTINGS.put(
        VALIDATION_TIMEOUT,
        new Setting(HikariConfig::setValidationTimeout, HikariConfig::getValidationTimeout));
    SETTINGS.put(
        IDLE_TIMEOUT, new Setting(HikariConfig::setIdleTimeout, HikariConfig::getIdleTimeout));
    SETTINGS.put(
        MAX_LIFETIME, new Setting(HikariConfig::setMaxLifetime, HikariConfig::getMaxLifetime));
    SETTINGS.put(
        KEEPALIVE_TIME,
        new Setting(HikariConfig::setKeepaliveTime, HikariConfig::getKeepaliveTime));
    SETTINGS.put(
        LEAK_DETECTION_THRESHOLD,
        new Setting(
            HikariConfig::setLeakDetectionThreshold, HikariConfig::getLeakDetectionThreshold));
  }

  /** A named configuration: the values set, by key; an absent key is not set. */
  record Case(String name, Map<String, Long> configured) {
    @Override
    public String toString() {
      return name + " " + new TreeMap<>(configured);
    }
  }

  private static Case c(String name, Object... keysAndValues) {
    Map<String, Long> configured = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      configured.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
    }
    return new Case(name, configured);
  }

  static Stream<Case> boundaries() {
    return Stream.of(
        c("nothing set"),
        // maximumPoolSize: the setter throws below 1; unset means 10
        c("max -1", MAXIMUM_POOL_SIZE, -1),
        c("max 0", MAXIMUM_POOL_SIZE, 0),
        c("max 1", MAXIMUM_POOL_SIZE, 1),
        c("max 50", MAXIMUM_POOL_SIZE, 50),
        // minimumIdle: the setter throws below 0; above max it is clamped
        c("minIdle -1", MINIMUM_IDLE, -1),
        c("minIdle 0", MINIMUM_IDLE, 0),
        c("minIdle 9 < default max", MINIMUM_IDLE, 9),
        c("minIdle 10 = default max", MINIMUM_IDLE, 10),
        c("minIdle 11 > default max", MINIMUM_IDLE, 11),
        c("minIdle 20 > max 10", MAXIMUM_POOL_SIZE, 10, MINIMUM_IDLE, 20),
        c("minIdle 5 > max 1", MAXIMUM_POOL_SIZE, 1, MINIMUM_IDLE, 5),
        c("minIdle and max rejected", MAXIMUM_POOL_SIZE, 0, MINIMUM_IDLE, -3),
        // connectionTimeout: 0 waits forever, 1-249 and negatives throw
        c("connectionTimeout -1", CONNECTION_TIMEOUT, -1),
        c("connectionTimeout 0", CONNECTION_TIMEOUT, 0),
        c("connectionTimeout 1", CONNECTION_TIMEOUT, 1),
        c("connectionTimeout 249", CONNECTION_TIMEOUT, 249),
        c("connectionTimeout 250", CONNECTION_TIMEOUT, 250),
        c("connectionTimeout Long.MAX", CONNECTION_TIMEOUT, Long.MAX_VALUE),
        // validationTimeout: below 250 throws, even 0; nothing ties it to connectionTimeout
        c("validationTimeout -1", VALIDATION_TIMEOUT, -1),
        c("validationTimeout 0", VALIDATION_TIMEOUT, 0),
        c("validationTimeout 249", VALIDATION_TIMEOUT, 249),
        c("validationTimeout 250", VALIDATION_TIMEOUT, 250),
        c(
            "validationTimeout = connectionTimeout",
            CONNECTION_TIMEOUT,
            1000,
            VALIDATION_TIMEOUT,
            1000),
        c(
            "validationTimeout > connectionTimeout",
            CONNECTION_TIMEOUT,
            1000,
            VALIDATION_TIMEOUT,
            5000),
        c("validationTimeout > wait forever", CONNECTION_TIMEOUT, 0, VALIDATION_TIMEOUT, 5000),
        // idleTimeout on a pool that can shrink (minIdle < max)
        c("idle -1", MINIMUM_IDLE, 2, IDLE_TIMEOUT, -1),
        c("idle 0", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 0),
        c("idle 1", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 1),
        c("idle 9999", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 9999),
        c("idle 10000", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 10000),
        c("idle+1000 < maxLifetime", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 58999, MAX_LIFETIME, 60000),
        c("idle+1000 = maxLifetime", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 59000, MAX_LIFETIME, 60000),
        c("idle+1000 > maxLifetime", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 59001, MAX_LIFETIME, 60000),
        c("idle = maxLifetime", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 60000, MAX_LIFETIME, 60000),
        c("default idle vs maxLifetime 600000", MINIMUM_IDLE, 2, MAX_LIFETIME, 600000),
        c("default idle vs maxLifetime 601000", MINIMUM_IDLE, 2, MAX_LIFETIME, 601000),
        c("idle huge, maxLifetime 0", MINIMUM_IDLE, 2, IDLE_TIMEOUT, 86_400_000, MAX_LIFETIME, 0),
        c(
            "idle vs maxLifetime reset first",
            MINIMUM_IDLE,
            2,
            IDLE_TIMEOUT,
            900000,
            MAX_LIFETIME,
            20000),
        c("idle Long.MAX overflows", MINIMUM_IDLE, 2, IDLE_TIMEOUT, Long.MAX_VALUE),
        c(
            "idle 9999 on a pool grown by minIdle clamp",
            MINIMUM_IDLE,
            2,
            MAXIMUM_POOL_SIZE,
            1,
            IDLE_TIMEOUT,
            9999),
        // idleTimeout on a fixed-size pool: kept, ignored
        c("idle 9999 fixed", IDLE_TIMEOUT, 9999),
        c("idle 600000 fixed", IDLE_TIMEOUT, 600000),
        c("idle 0 fixed", IDLE_TIMEOUT, 0),
        c("idle > maxLifetime fixed", IDLE_TIMEOUT, 900000, MAX_LIFETIME, 60000),
        c("idle 1 with minIdle = max", MINIMUM_IDLE, 10, IDLE_TIMEOUT, 1),
        // maxLifetime: 0 never retires; 1-29999 and negatives reset
        c("maxLifetime Long.MIN", MAX_LIFETIME, Long.MIN_VALUE),
        c("maxLifetime -1", MAX_LIFETIME, -1),
        c("maxLifetime 0", MAX_LIFETIME, 0),
        c("maxLifetime 1", MAX_LIFETIME, 1),
        c("maxLifetime 29999", MAX_LIFETIME, 29999),
        c("maxLifetime 30000", MAX_LIFETIME, 30000),
        // keepaliveTime: 0 off; below 30000 or at/above maxLifetime disabled
        c("keepalive Long.MIN", KEEPALIVE_TIME, Long.MIN_VALUE),
        c("keepalive -1", KEEPALIVE_TIME, -1),
        c("keepalive 0", KEEPALIVE_TIME, 0),
        c("keepalive 1", KEEPALIVE_TIME, 1),
        c("keepalive 29999", KEEPALIVE_TIME, 29999),
        c("keepalive 30000", KEEPALIVE_TIME, 30000),
        c("keepalive = maxLifetime", KEEPALIVE_TIME, 60000, MAX_LIFETIME, 60000),
        c("keepalive = maxLifetime - 1", KEEPALIVE_TIME, 59999, MAX_LIFETIME, 60000),
        c("default keepalive = maxLifetime", MAX_LIFETIME, 120000),
        c("default keepalive > maxLifetime", MAX_LIFETIME, 30000),
        c("default keepalive < maxLifetime", MAX_LIFETIME, 120001),
        c("keepalive huge, maxLifetime 0", KEEPALIVE_TIME, 3_600_000, MAX_LIFETIME, 0),
        c("keepalive vs maxLifetime reset first", KEEPALIVE_TIME, 100000, MAX_LIFETIME, 20000),
        // leakDetectionThreshold: 0 off; 2000 … maxLifetime; negatives kept
        c("leak Long.MIN", LEAK_DETECTION_THRESHOLD, Long.MIN_VALUE),
        c("leak -1", LEAK_DETECTION_THRESHOLD, -1),
        c("leak 0", LEAK_DETECTION_THRESHOLD, 0),
        c("leak 1", LEAK_DETECTION_THRESHOLD, 1),
        c("leak 1999", LEAK_DETECTION_THRESHOLD, 1999),
        c("leak 2000", LEAK_DETECTION_THRESHOLD, 2000),
        c("leak = maxLifetime", LEAK_DETECTION_THRESHOLD, 60000, MAX_LIFETIME, 60000),
        c("leak = maxLifetime + 1", LEAK_DETECTION_THRESHOLD, 60001, MAX_LIFETIME, 60000),
        c("leak huge, maxLifetime 0", LEAK_DETECTION_THRESHOLD, 86_400_000, MAX_LIFETIME, 0),
        c("leak vs maxLifetime reset first", LEAK_DETECTION_THRESHOLD, 100000, MAX_LIFETIME, 20000),
        // several at once
        c(
            "everything rejected",
            MAXIMUM_POOL_SIZE,
            0,
            MINIMUM_IDLE,
            -1,
            CONNECTION_TIMEOUT,
            100,
            VALIDATION_TIMEOUT,
            100,
            IDLE_TIMEOUT,
            -5),
        c(
            "typical service",
            MAXIMUM_POOL_SIZE,
            20,
            MINIMUM_IDLE,
            5,
            CONNECTION_TIMEOUT,
            3000,
            VALIDATION_TIMEOUT,
            1000,
            IDLE_TIMEOUT,
            300000,
            MAX_LIFETIME,
            1_700_000,
            KEEPALIVE_TIME,
            240000,
            LEAK_DETECTION_THRESHOLD,
            60000));
  }

  // Each key's boundary values, combined at random (fixed seed) to catch interactions.
  private static final Map<String, long[]> POOLS =
      Map.of(
          MAXIMUM_POOL_SIZE, new long[] {-1, 0, 1, 2, 10, 11},
          MINIMUM_IDLE, new long[] {-1, 0, 1, 2, 10, 11},
          CONNECTION_TIMEOUT, new long[] {-1, 0, 1, 249, 250, 30000},
          VALIDATION_TIMEOUT, new long[] {0, 249, 250, 5000, 30000},
          IDLE_TIMEOUT, new long[] {-1, 0, 9999, 10000, 29000, 59001, 600000},
          MAX_LIFETIME, new long[] {-1, 0, 1, 29999, 30000, 60000, 120000, 1800000},
          KEEPALIVE_TIME, new long[] {-1, 0, 29999, 30000, 60000, 120000},
          LEAK_DETECTION_THRESHOLD, new long[] {-1, 0, 1999, 2000, 60000, 60001});

  static Stream<Case> randomCombinations() {
    Random random = new Random(20260614L);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Map<String, Long> configured = new LinkedHashMap<>();
      for (String key : HikariBehaviour.KEYS) {
        if (random.nextInt(3) > 0) {
          long[] pool = POOLS.get(key);
          configured.put(key, pool[random.nextInt(pool.length)]);
        }
      }
      cases.add(new Case("random #" + i, configured));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"boundaries", "randomCombinations"})
  void behaviourPredictsTheGettersOfAValidatedHikariConfig(Case c) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:poolguard-fake:db"); // validate() needs a source; it never connects
    Set<String> rejected = new TreeSet<>();
    c.configured()
        .forEach(
            (key, value) -> {
              try {
                SETTINGS.get(key).setter().accept(config, value);
              } catch (IllegalArgumentException e) {
                rejected.add(key);
              }
            });
    Map<String, Long> defaults = effective(new HikariConfig()); // before validate()
    config.validate();
    Map<String, Long> actual = effective(config);

    Outcome predicted = HikariBehaviour.evaluate(c.configured());

    assertThat(predicted.effective()).as("effective values").isEqualTo(actual);
    assertThat(keysOf(predicted, Kind.STARTUP_FAILS))
        .as("rejected by a setter")
        .isEqualTo(rejected);
    assertThat(predicted.startupFails()).isEqualTo(!rejected.isEmpty());
    // A value HikariCP changed is explained by exactly one RESET, DISABLED or CLAMPED adjustment;
    // a rejected key keeps its STARTUP_FAILS, whatever validate() then does to the default.
    Set<String> changed = new TreeSet<>();
    for (String key : HikariBehaviour.KEYS) {
      if (rejected.contains(key)) {
        continue;
      }
      long start;
      if (c.configured().containsKey(key)) {
        start = setterResult(key, c.configured().get(key));
      } else if (key.equals(MINIMUM_IDLE)) {
        start = actual.get(MAXIMUM_POOL_SIZE); // unset: follows the pool size, not an adjustment
      } else {
        start = defaults.get(key);
      }
      if (actual.get(key) != start) {
        changed.add(key);
      }
    }
    Set<String> explained = keysOf(predicted, Kind.RESET, Kind.DISABLED, Kind.CLAMPED);
    assertThat(explained).as("keys HikariCP changed during validate()").isEqualTo(changed);
    // HikariCP keeps an idleTimeout set on a fixed-size pool but never uses it.
    boolean fixed = actual.get(MINIMUM_IDLE).equals(actual.get(MAXIMUM_POOL_SIZE));
    boolean idleIgnored =
        fixed
            && c.configured().containsKey(IDLE_TIMEOUT)
            && !rejected.contains(IDLE_TIMEOUT)
            && actual.get(IDLE_TIMEOUT) != 0;
    assertThat(keysOf(predicted, Kind.IGNORED))
        .isEqualTo(idleIgnored ? Set.of(IDLE_TIMEOUT) : Set.of());
    assertThat(predicted.adjustments().stream().map(Adjustment::key).distinct().count())
        .as("at most one adjustment per key")
        .isEqualTo(predicted.adjustments().size());
    for (Adjustment a : predicted.adjustments()) {
      if (a.kind() != Kind.STARTUP_FAILS) {
        assertThat(a.effective()).as(a.toString()).isEqualTo(actual.get(a.key()));
      }
    }
  }

  /** The value a setter stores before validate(): the value itself, except the wait-forever 0. */
  private static long setterResult(String key, long value) {
    HikariConfig probe = new HikariConfig();
    SETTINGS.get(key).setter().accept(probe, value);
    return SETTINGS.get(key).getter().applyAsLong(probe);
  }

  private static Map<String, Long> effective(HikariConfig config) {
    Map<String, Long> values = new LinkedHashMap<>();
    SETTINGS.forEach((key, s) -> values.put(key, s.getter().applyAsLong(config)));
    return values;
  }

  private static Set<String> keysOf(Outcome outcome, Kind... kinds) {
    Set<Kind> wanted = Set.of(kinds);
    return outcome.adjustments().stream()
        .filter(a -> wanted.contains(a.kind()))
        .map(Adjustment::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
