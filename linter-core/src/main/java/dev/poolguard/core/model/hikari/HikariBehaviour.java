package dev.poolguard.core.model.hikari;

import dev.poolguard.core.model.hikari.HikariBehaviour.Adjustment.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What HikariCP does at startup with the configured numeric pool settings: which setter throws (the
 * application fails to start), and which value {@code HikariConfig.validate()} replaces, disables,
 * clamps or ignores.
 *
 * <p>Source: {@code HikariConfig} setters and {@code validateNumerics()} of HikariCP 7.1.0, proved
 * by {@code HikariBehaviourCrossCheckTest} against the real class. The released jars 4.0.3, 5.1.0,
 * 6.0.0–6.3.0 and 7.0.0 have the same setter checks and the same {@code validateNumerics()} rules;
 * only the {@code keepaliveTime} default differs by version (see {@link
 * HikariProperties#defaultText(String, int)}). The 250 ms floor assumes the system property {@code
 * com.zaxxer.hikari.timeoutMs.floor} is not set.
 *
 * <p>Not adjusted by HikariCP, so not reported here: {@code validationTimeout} at or above {@code
 * connectionTimeout} (both stay as set), and a negative {@code leakDetectionThreshold} (kept; the
 * pool then schedules every leak check with a negative delay, so it fires at once).
 */
public final class HikariBehaviour {

  public static final String MAXIMUM_POOL_SIZE = "maximum-pool-size";
  public static final String MINIMUM_IDLE = "minimum-idle";
  public static final String CONNECTION_TIMEOUT = "connection-timeout";
  public static final String VALIDATION_TIMEOUT = "validation-timeout";
  public static final String IDLE_TIMEOUT = "idle-timeout";
  public static final String MAX_LIFETIME = "max-lifetime";
  public static final String KEEPALIVE_TIME = "keepalive-time";
  public static final String LEAK_DETECTION_THRESHOLD = "leak-detection-threshold";

  /** The settings modelled here, in the order HikariCP's startup log lists them. */
  public static final List<String> KEYS =
      List.of(
          MAXIMUM_POOL_SIZE,
          MINIMUM_IDLE,
          CONNECTION_TIMEOUT,
          VALIDATION_TIMEOUT,
          IDLE_TIMEOUT,
          MAX_LIFETIME,
          KEEPALIVE_TIME,
          LEAK_DETECTION_THRESHOLD);

  // HikariConfig 7.1.0 constants.
  private static final long TIMEOUT_FLOOR = 250;
  private static final long WAIT_FOREVER = Integer.MAX_VALUE;
  private static final long DEFAULT_IDLE_TIMEOUT = 600_000;
  private static final long DEFAULT_MAX_LIFETIME = 1_800_000;

  private HikariBehaviour() {}

  /**
   * A change HikariCP makes to a setting, or a setting it rejects.
   *
   * @param key the kebab-case key
   * @param kind what HikariCP does
   * @param configured the value HikariCP started from: the configured value, or the default when
   *     the key is not configured
   * @param effective the value HikariCP uses; for {@link Kind#STARTUP_FAILS}, the default the
   *     unstarted configuration keeps
   * @param explanation one sentence for users
   */
  public record Adjustment(
      String key, Kind kind, long configured, long effective, String explanation) {

    public Adjustment {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(explanation, "explanation");
    }

    /** What HikariCP does with a value. */
    public enum Kind {
      /** The setter throws {@code IllegalArgumentException}: binding fails, the app stops. */
      STARTUP_FAILS,
      /** Validation replaces the value with the library default. */
      RESET,
      /** Validation sets the value to 0, turning the feature off. */
      DISABLED,
      /** The value is kept but has no effect. */
      IGNORED,
      /** Validation moves the value to the nearest allowed one. */
      CLAMPED
    }
  }

  /**
   * The effective values of all {@link #KEYS} and the adjustments that led to them.
   *
   * @param effective the value HikariCP uses for each of {@link #KEYS}, as its getters return it
   *     after {@code validate()}; a rejected value leaves the default in place
   * @param adjustments at most one per key, in the order HikariCP applies them
   */
  public record Outcome(Map<String, Long> effective, List<Adjustment> adjustments) {

    public Outcome {
      effective = Map.copyOf(effective);
      adjustments = List.copyOf(adjustments);
    }

    public long effective(String key) {
      Long value = effective.get(key);
      if (value == null) {
        throw new IllegalArgumentException("not a modelled key: " + key);
      }
      return value;
    }

    public Optional<Adjustment> adjustment(String key) {
      return adjustments.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /** Whether some setter rejects its value, so the application does not start. */
    public boolean startupFails() {
      return adjustments.stream().anyMatch(a -> a.kind() == Kind.STARTUP_FAILS);
    }
  }

  /** {@link #evaluate(Map, int)} for the newest HikariCP major. */
  public static Outcome evaluate(Map<String, Long> configured) {
    return evaluate(configured, HikariProperties.NEWEST_MAJOR);
  }

  /**
   * What HikariCP of a major does with these settings.
   *
   * @param configured the known configured values by kebab-case key; an absent key is not set; keys
   *     other than {@link #KEYS} are ignored
   * @throws IllegalArgumentException if the major is not modelled
   */
  public static Outcome evaluate(Map<String, Long> configured, int hikariMajor) {
    HikariProperties.requireSupported(hikariMajor);
    return new Run(configured, hikariMajor).run();
  }

  /** One evaluation: the state of a {@code HikariConfig} while it is configured and validated. */
  private static final class Run {
    private final Map<String, Long> configured;
    private final List<Adjustment> adjustments = new ArrayList<>();
    private long maxPoolSize = 10;
    private long minIdle = -1; // HikariConfig's "not set"
    private long connectionTimeout = 30_000;
    private long validationTimeout = 5_000;
    private long idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private long maxLifetime = DEFAULT_MAX_LIFETIME;
    private long keepaliveTime;
    private long leakDetectionThreshold;

    Run(Map<String, Long> configured, int hikariMajor) {
      this.configured = configured;
      this.keepaliveTime =
          Long.parseLong(HikariProperties.defaultText(KEEPALIVE_TIME, hikariMajor).orElseThrow());
    }

    Outcome run() {
      applySetters();
      validateNumerics();
      Map<String, Long> effective = new LinkedHashMap<>();
      effective.put(MAXIMUM_POOL_SIZE, maxPoolSize);
      effective.put(MINIMUM_IDLE, minIdle);
      effective.put(CONNECTION_TIMEOUT, connectionTimeout);
      effective.put(VALIDATION_TIMEOUT, validationTimeout);
      effective.put(IDLE_TIMEOUT, idleTimeout);
      effective.put(MAX_LIFETIME, maxLifetime);
      effective.put(KEEPALIVE_TIME, keepaliveTime);
      effective.put(LEAK_DETECTION_THRESHOLD, leakDetectionThreshold);
      return new Outcome(effective, adjustments);
    }

    /** The setter checks of HikariConfig 7.1.0; Spring calls a setter only for a set key. */
    private void applySetters() {
      Long v = configured.get(MAXIMUM_POOL_SIZE);
      if (v != null) {
        if (!fitsInt(v)) {
          reject(MAXIMUM_POOL_SIZE, v, maxPoolSize, notAnInt("maximumPoolSize"));
        } else if (v < 1) {
          reject(
              MAXIMUM_POOL_SIZE,
              v,
              maxPoolSize,
              "HikariCP rejects maximumPoolSize below 1, so the application fails to start");
        } else {
          maxPoolSize = v;
        }
      }
      v = configured.get(MINIMUM_IDLE);
      if (v != null) {
        if (!fitsInt(v)) {
          reject(MINIMUM_IDLE, v, minIdle, notAnInt("minimumIdle"));
        } else if (v < 0) {
          reject(
              MINIMUM_IDLE,
              v,
              minIdle,
              "HikariCP rejects a negative minimumIdle, so the application fails to start");
        } else {
          minIdle = v;
        }
      }
      v = configured.get(CONNECTION_TIMEOUT);
      if (v != null) {
        if (v == 0) {
          connectionTimeout = WAIT_FOREVER;
        } else if (v < TIMEOUT_FLOOR) {
          reject(
              CONNECTION_TIMEOUT,
              v,
              connectionTimeout,
              "HikariCP rejects connectionTimeout below 250 ms other than 0 (wait forever),"
                  + " so the application fails to start");
        } else {
          connectionTimeout = v;
        }
      }
      v = configured.get(VALIDATION_TIMEOUT);
      if (v != null) {
        if (v < TIMEOUT_FLOOR) {
          reject(
              VALIDATION_TIMEOUT,
              v,
              validationTimeout,
              "HikariCP rejects validationTimeout below 250 ms, so the application fails to start");
        } else {
          validationTimeout = v;
        }
      }
      v = configured.get(IDLE_TIMEOUT);
      if (v != null) {
        if (v < 0) {
          reject(
              IDLE_TIMEOUT,
              v,
              idleTimeout,
              "HikariCP rejects a negative idleTimeout, so the application fails to start");
        } else {
          idleTimeout = v;
        }
      }
      // setMaxLifetime, setKeepaliveTime and setLeakDetectionThreshold accept any value.
      maxLifetime = configured.getOrDefault(MAX_LIFETIME, maxLifetime);
      keepaliveTime = configured.getOrDefault(KEEPALIVE_TIME, keepaliveTime);
      leakDetectionThreshold =
          configured.getOrDefault(LEAK_DETECTION_THRESHOLD, leakDetectionThreshold);
    }

    /**
     * HikariConfig.validateNumerics() of 7.1.0, in its order: later rules see the values earlier
     * rules produced. Its connectionTimeout and validationTimeout floors are unreachable after the
     * setters, and so is its maximumPoolSize {@literal < 1} rule in 4.x–6.x.
     */
    private void validateNumerics() {
      if (maxLifetime != 0 && maxLifetime < 30_000) {
        adjust(
            MAX_LIFETIME,
            Kind.RESET,
            maxLifetime,
            DEFAULT_MAX_LIFETIME,
            "HikariCP replaces maxLifetime below 30000 ms (other than 0) with 1800000 ms (30 min)");
        maxLifetime = DEFAULT_MAX_LIFETIME;
      }
      if (keepaliveTime != 0 && keepaliveTime < 30_000) {
        adjust(
            KEEPALIVE_TIME,
            Kind.DISABLED,
            keepaliveTime,
            0,
            "HikariCP disables keepaliveTime below 30000 ms");
        keepaliveTime = 0;
      }
      if (keepaliveTime != 0 && maxLifetime != 0 && keepaliveTime >= maxLifetime) {
        adjust(
            KEEPALIVE_TIME,
            Kind.DISABLED,
            keepaliveTime,
            0,
            "HikariCP disables "
                + subject(KEEPALIVE_TIME, "keepaliveTime", keepaliveTime)
                + " because it is not below maxLifetime "
                + maxLifetime
                + " ms");
        keepaliveTime = 0;
      }
      if (leakDetectionThreshold > 0
          && (leakDetectionThreshold < 2_000
              || (leakDetectionThreshold > maxLifetime && maxLifetime > 0))) {
        adjust(
            LEAK_DETECTION_THRESHOLD,
            Kind.DISABLED,
            leakDetectionThreshold,
            0,
            leakDetectionThreshold < 2_000
                ? "HikariCP disables leakDetectionThreshold below 2000 ms"
                : "HikariCP disables leakDetectionThreshold "
                    + leakDetectionThreshold
                    + " ms because it exceeds maxLifetime "
                    + maxLifetime
                    + " ms");
        leakDetectionThreshold = 0;
      }
      if (minIdle < 0 || minIdle > maxPoolSize) {
        if (minIdle > maxPoolSize) {
          adjust(
              MINIMUM_IDLE,
              Kind.CLAMPED,
              minIdle,
              maxPoolSize,
              "HikariCP lowers minimumIdle "
                  + minIdle
                  + " to maximumPoolSize "
                  + maxPoolSize
                  + ", which makes the pool fixed-size");
        }
        minIdle = maxPoolSize;
      }
      validateIdleTimeout();
    }

    private void validateIdleTimeout() {
      // idleTimeout + 1000 may overflow exactly as it does in HikariConfig.
      if (idleTimeout + 1_000 > maxLifetime && maxLifetime > 0 && minIdle < maxPoolSize) {
        adjust(
            IDLE_TIMEOUT,
            Kind.DISABLED,
            idleTimeout,
            0,
            "HikariCP disables "
                + subject(IDLE_TIMEOUT, "idleTimeout", idleTimeout)
                + " because it is not at least 1000 ms below maxLifetime "
                + maxLifetime
                + " ms, so idle connections close only at maxLifetime");
        idleTimeout = 0;
      } else if (idleTimeout != 0 && idleTimeout < 10_000 && minIdle < maxPoolSize) {
        adjust(
            IDLE_TIMEOUT,
            Kind.RESET,
            idleTimeout,
            DEFAULT_IDLE_TIMEOUT,
            "HikariCP replaces idleTimeout below 10000 ms (other than 0) with 600000 ms (10 min)");
        idleTimeout = DEFAULT_IDLE_TIMEOUT;
      } else if (idleTimeout != 0
          && minIdle == maxPoolSize
          && configured.containsKey(IDLE_TIMEOUT)) {
        // HikariCP warns only for a value other than its default, but no value has an effect.
        adjust(
            IDLE_TIMEOUT,
            Kind.IGNORED,
            idleTimeout,
            idleTimeout,
            "idleTimeout has no effect because minimumIdle equals maximumPoolSize"
                + " (a fixed-size pool)");
      }
    }

    private String subject(String key, String name, long value) {
      return configured.containsKey(key)
          ? name + " " + value + " ms"
          : "the default " + name + " " + value + " ms";
    }

    private static boolean fitsInt(long value) {
      return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    private static String notAnInt(String name) {
      return "Spring cannot bind a "
          + name
          + " that does not fit an int, so the application fails to start";
    }

    private void reject(String key, long value, long kept, String explanation) {
      adjust(key, Kind.STARTUP_FAILS, value, kept, explanation);
    }

    private void adjust(String key, Kind kind, long from, long to, String explanation) {
      // A rejected value stops the application; what validation would do next is noise.
      if (adjustment(key).isEmpty()) {
        adjustments.add(new Adjustment(key, kind, from, to, explanation));
      }
    }

    private Optional<Adjustment> adjustment(String key) {
      return adjustments.stream().filter(a -> a.key().equals(key)).findFirst();
    }
  }
}
