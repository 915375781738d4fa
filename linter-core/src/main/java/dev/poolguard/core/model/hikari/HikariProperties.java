package dev.poolguard.core.model.hikari;

import dev.poolguard.core.text.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of the properties Spring Boot binds under {@code spring.datasource.hikari.*}: the
 * JavaBean setters of {@code HikariDataSource} and {@code HikariConfig}.
 *
 * <p>Source: the setters of HikariCP 7.1.0 (checked by {@code HikariPropertiesCrossCheckTest}
 * through {@code java.beans.Introspector} and Spring's {@code Binder}); {@code sinceMajor} from the
 * released jars 4.0.3, 5.1.0, 6.0.0, 6.3.0, 7.0.0 and 7.1.0.
 */
public final class HikariProperties {

  /** The oldest HikariCP major poolguard models (the first with {@code keepaliveTime}). */
  public static final int OLDEST_MAJOR = 4;

  /** The newest HikariCP major poolguard models, the default for {@code hikariVersion:}. */
  public static final int NEWEST_MAJOR = 7;

  // HikariConfig.DEFAULT_KEEPALIVE_TIME is 0 in 4.0.3, 5.1.0, 6.0.0, 6.1.0 and 6.2.0, and
  // MINUTES.toMillis(2) from 6.2.1 (checked in the released jars' bytecode). A bare major means the
  // newest release of that line, so 6 is 6.3.x (what Spring Boot 3.5 manages): 120000.
  private static final int FIRST_MAJOR_WITH_KEEPALIVE_DEFAULT = 6;

  private static final Map<String, HikariProperty> BY_UNIFORM = new LinkedHashMap<>();

  static {
    add("allow-pool-suspension", HikariProperty.Type.BOOLEAN, "false");
    add("auto-commit", HikariProperty.Type.BOOLEAN, "true");
    add("catalog", HikariProperty.Type.TEXT, null);
    add("connection-init-sql", HikariProperty.Type.TEXT, null);
    add("connection-test-query", HikariProperty.Type.TEXT, null);
    add("connection-timeout", HikariProperty.Type.MILLIS, "30000");
    add("credentials", HikariProperty.Type.OBJECT, null, 6);
    add("credentials-provider", HikariProperty.Type.OBJECT, null, 7);
    add("credentials-provider-class-name", HikariProperty.Type.TEXT, null, 7);
    add("data-source", HikariProperty.Type.OBJECT, null);
    add("data-source-class-name", HikariProperty.Type.TEXT, null);
    add("data-source-j-n-d-i", HikariProperty.Type.TEXT, null);
    add("data-source-properties", HikariProperty.Type.MAP, null);
    add("driver-class-name", HikariProperty.Type.TEXT, null);
    add("exception-override", HikariProperty.Type.OBJECT, null, 6);
    add("exception-override-class-name", HikariProperty.Type.TEXT, null);
    add("health-check-properties", HikariProperty.Type.MAP, null);
    add("health-check-registry", HikariProperty.Type.OBJECT, null);
    add("idle-timeout", HikariProperty.Type.MILLIS, "600000");
    add("initialization-fail-timeout", HikariProperty.Type.MILLIS, "1");
    add("isolate-internal-queries", HikariProperty.Type.BOOLEAN, "false");
    add("jdbc-url", HikariProperty.Type.TEXT, null);
    add("keepalive-time", HikariProperty.Type.MILLIS, "120000");
    add("leak-detection-threshold", HikariProperty.Type.MILLIS, "0");
    add("log-writer", HikariProperty.Type.OBJECT, null);
    // HikariDataSource.setLoginTimeout passes the value on only to a running pool's DataSource;
    // Spring binds before the pool starts, so the setting has no effect.
    add("login-timeout", HikariProperty.Type.SECONDS, null);
    add("max-lifetime", HikariProperty.Type.MILLIS, "1800000");
    add("maximum-pool-size", HikariProperty.Type.COUNT, "10");
    add("metric-registry", HikariProperty.Type.OBJECT, null);
    add("metrics-tracker-factory", HikariProperty.Type.OBJECT, null);
    // Follows maximum-pool-size: HikariBehaviour gives the effective value.
    add("minimum-idle", HikariProperty.Type.COUNT, null);
    add("password", HikariProperty.Type.TEXT, null);
    add("pool-name", HikariProperty.Type.TEXT, null);
    add("read-only", HikariProperty.Type.BOOLEAN, "false");
    add("register-mbeans", HikariProperty.Type.BOOLEAN, "false");
    add("scheduled-executor", HikariProperty.Type.OBJECT, null);
    add("schema", HikariProperty.Type.TEXT, null);
    add("thread-factory", HikariProperty.Type.OBJECT, null);
    add("transaction-isolation", HikariProperty.Type.TEXT, null);
    add("username", HikariProperty.Type.TEXT, null);
    add("validation-timeout", HikariProperty.Type.MILLIS, "5000");
  }

  private HikariProperties() {}

  private static void add(String key, HikariProperty.Type type, String defaultText) {
    add(key, type, defaultText, OLDEST_MAJOR);
  }

  private static void add(
      String key, HikariProperty.Type type, String defaultText, int sinceMajor) {
    BY_UNIFORM.put(
        uniform(key), new HikariProperty(key, type, Optional.ofNullable(defaultText), sinceMajor));
  }

  /** Every property of the newest major, sorted by key. */
  /**
   * Keys whose setters still work once the pool has started (HikariCP's MXBean settings, and
   * catalog and login-timeout, which it does not seal); every other setter of a started pool throws
   * "The configuration of the pool is sealed once started". Checked against HikariCP 7.1.0 bound by
   * Spring Boot 3.5.7 in SpringBinderCrossCheckTest.
   */
  private static final java.util.Set<String> CHANGEABLE_AFTER_START =
      java.util.Set.of(
          "catalog",
          "connection-timeout",
          "idle-timeout",
          "keepalive-time",
          "leak-detection-threshold",
          "login-timeout",
          "max-lifetime",
          "maximum-pool-size",
          "minimum-idle",
          "password",
          "username",
          "validation-timeout");

  /** Whether binding {@code key} into a started pool works (else startup fails). */
  public static boolean changeableAfterStart(String key) {
    return CHANGEABLE_AFTER_START.contains(key);
  }

  public static List<HikariProperty> all() {
    return List.copyOf(BY_UNIFORM.values());
  }

  /**
   * The property a key names in any relaxed form ({@code maximumPoolSize}, {@code
   * MAXIMUM_POOL_SIZE}, {@code maximum-pool-size}); for a key below a MAP property ({@code
   * data-source-properties.cachePrepStmts}), that MAP property.
   */
  public static Optional<HikariProperty> find(String anyForm) {
    int end = firstSeparator(anyForm);
    Optional<HikariProperty> found =
        Optional.ofNullable(BY_UNIFORM.get(uniform(anyForm.substring(0, end))));
    if (end == anyForm.length()) {
      return found;
    }
    return found.filter(p -> p.type() == HikariProperty.Type.MAP);
  }

  /**
   * The default text of a property in a HikariCP major, as {@link HikariProperty#defaultText()}
   * describes it; empty also when that major lacks the property or the key is unknown.
   *
   * @throws IllegalArgumentException if the major is outside {@link #OLDEST_MAJOR} … {@link
   *     #NEWEST_MAJOR}
   */
  public static Optional<String> defaultText(String key, int hikariMajor) {
    requireSupported(hikariMajor);
    return find(key)
        .filter(p -> p.existsIn(hikariMajor))
        .flatMap(
            p ->
                p.key().equals("keepalive-time")
                    ? Optional.of(
                        hikariMajor >= FIRST_MAJOR_WITH_KEEPALIVE_DEFAULT ? "120000" : "0")
                    : p.defaultText());
  }

  /**
   * The keys most like an unknown key, best first, for "did you mean" ({@link Suggestions}: close
   * misspellings and abbreviations such as {@code maxPoolSize}).
   */
  public static List<String> closest(String unknownKey, int max) {
    return Suggestions.ranked(
        unknownKey, BY_UNIFORM.values().stream().map(HikariProperty::key).toList(), max);
  }

  static void requireSupported(int hikariMajor) {
    if (hikariMajor < OLDEST_MAJOR || hikariMajor > NEWEST_MAJOR) {
      throw new IllegalArgumentException(
          "HikariCP "
              + hikariMajor
              + " is not modelled; supported majors are "
              + OLDEST_MAJOR
              + " to "
              + NEWEST_MAJOR);
    }
  }

  /** Spring's uniform form of one name element: lower-case ASCII letters and digits only. */
  static String uniform(String element) {
    StringBuilder result = new StringBuilder(element.length());
    for (int i = 0; i < element.length(); i++) {
      char ch = Character.toLowerCase(element.charAt(i));
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        result.append(ch);
      }
    }
    return result.toString();
  }

  private static int firstSeparator(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == '.' || key.charAt(i) == '[') {
        return i;
      }
    }
    return key.length();
  }
}
