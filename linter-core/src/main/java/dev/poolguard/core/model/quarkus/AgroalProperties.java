package dev.poolguard.core.model.quarkus;

import dev.poolguard.core.model.quarkus.AgroalProperty.Type;
import dev.poolguard.core.text.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalogue of the keys Quarkus binds under {@code quarkus.datasource[."name"].jdbc.*} for its
 * Agroal pool.
 *
 * <p>Source: quarkusio/quarkus {@code extensions/agroal/runtime/.../DataSourceJdbcRuntimeConfig}
 * (the {@code @ConfigMapping} interface of Quarkus 3.x), {@code DataSourceJdbcTelemetryConfig},
 * {@code DataSourceJdbcBuildTimeConfig}, and {@code validation-query-timeout} as {@code
 * AgroalDataSourceProducer} reads it in the newest sources. Quarkus does not bind relaxed forms:
 * {@code maxSize} is not {@code max-size}.
 */
public final class AgroalProperties {

  /** The keys whose defaults the resolver fills in: pool sizing and timing. */
  public static final List<String> DEFAULTED_POOL_KEYS =
      List.of(
          "max-size",
          "min-size",
          "acquisition-timeout",
          "idle-removal-interval",
          "background-validation-interval");

  private static final Map<String, AgroalProperty> BY_KEY = new TreeMap<>();

  // SmallRye Config's BooleanConverter (io.smallrye.config.Converters), after trimming: these read
  // as true, these as false, and any other text as false with only a warning in the log.
  private static final Set<String> TRUE =
      Set.of("true", "1", "yes", "y", "on", "ja", "j", "si", "sim", "oui");
  private static final Set<String> FALSE =
      Set.of("false", "0", "no", "n", "off", "nein", "n\u00e3o", "non");

  static {
    // DataSourceJdbcRuntimeConfig: run time.
    runtime("url", Type.TEXT, null, true);
    runtime("initial-size", Type.COUNT, null, true);
    runtime("min-size", Type.COUNT, "0", false);
    runtime("max-size", Type.COUNT, "20", false);
    runtime("background-validation-interval", Type.DURATION, "2M", false);
    runtime("foreground-validation-interval", Type.DURATION, null, true);
    runtime("acquisition-timeout", Type.DURATION, "5S", true);
    runtime("leak-detection-interval", Type.DURATION, null, true);
    runtime("idle-removal-interval", Type.DURATION, "5M", false);
    runtime("max-lifetime", Type.DURATION, null, true);
    runtime("transaction-isolation-level", Type.ENUM, null, true);
    runtime("extended-leak-report", Type.BOOLEAN, "false", false);
    runtime("flush-on-close", Type.BOOLEAN, "false", false);
    runtime("detect-statement-leaks", Type.BOOLEAN, "true", false);
    runtime("new-connection-sql", Type.TEXT, null, true);
    runtime("validation-query-sql", Type.TEXT, null, true);
    runtime("validation-query-timeout", Type.DURATION, null, true);
    runtime("validate-on-borrow", Type.BOOLEAN, "false", false);
    runtime("pooling-enabled", Type.BOOLEAN, "true", false);
    runtime("enable-recovery", Type.BOOLEAN, "true", false);
    runtime("transaction-requirement", Type.ENUM, null, true);
    runtime("additional-jdbc-properties", Type.MAP, null, true);
    // DataSourceJdbcTelemetryConfig, mapped as telemetry.* of the runtime config.
    runtime("telemetry.enabled", Type.BOOLEAN, null, true);
    runtime("telemetry.trace-connection", Type.BOOLEAN, "false", false);
    // DataSourceJdbcBuildTimeConfig (its "enabled" is the parent name quarkus.datasource.jdbc).
    buildTime("driver", Type.TEXT, null, true);
    buildTime("transactions", Type.ENUM, "enabled", false);
    buildTime("enable-metrics", Type.BOOLEAN, null, true);
    buildTime("telemetry", Type.BOOLEAN, "false", false);
  }

  private AgroalProperties() {}

  private static void runtime(String key, Type type, String defaultText, boolean optional) {
    BY_KEY.put(
        key, new AgroalProperty(key, type, Optional.ofNullable(defaultText), optional, false));
  }

  private static void buildTime(String key, Type type, String defaultText, boolean optional) {
    BY_KEY.put(
        key, new AgroalProperty(key, type, Optional.ofNullable(defaultText), optional, true));
  }

  /** Every property, sorted by key. */
  public static List<AgroalProperty> all() {
    return List.copyOf(BY_KEY.values());
  }

  /**
   * The property Quarkus binds for {@code key} exactly as written after {@code jdbc.}; for a key
   * below a MAP ({@code additional-jdbc-properties.sslmode}), that MAP property.
   */
  public static Optional<AgroalProperty> exact(String key) {
    AgroalProperty found = BY_KEY.get(key);
    if (found != null) {
      return Optional.of(found);
    }
    int dot = key.indexOf('.');
    if (dot > 0 && dot < key.length() - 1) {
      return Optional.ofNullable(BY_KEY.get(key.substring(0, dot)))
          .filter(p -> p.type() == Type.MAP);
    }
    return Optional.empty();
  }

  /**
   * The property a key names in any of the forms people write it ({@code max-size}, the env-var
   * form {@code MAX_SIZE}, {@code maxSize}); for a key below a MAP, that MAP property. Quarkus
   * itself binds only the {@link #exact} form.
   */
  public static Optional<AgroalProperty> find(String anyForm) {
    Optional<AgroalProperty> exact = exact(anyForm);
    if (exact.isPresent()) {
      return exact;
    }
    String wanted = uniform(anyForm);
    for (AgroalProperty p : BY_KEY.values()) {
      if (uniform(p.key()).equals(wanted)) {
        return Optional.of(p);
      }
    }
    for (AgroalProperty p : BY_KEY.values()) {
      if (p.type() == Type.MAP && wanted.startsWith(uniform(p.key()))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The default text Quarkus declares for a key; empty when none or the key is unknown. */
  public static Optional<String> defaultText(String key) {
    return Optional.ofNullable(BY_KEY.get(key)).flatMap(AgroalProperty::defaultText);
  }

  /**
   * The keys most like an unknown key, best first, for "did you mean" ({@link Suggestions}: close
   * misspellings and abbreviations such as {@code acq-timeout}).
   */
  public static List<String> closest(String unknownKey, int max) {
    return Suggestions.ranked(
        unknownKey, BY_KEY.values().stream().map(AgroalProperty::key).toList(), max);
  }

  /** The boolean SmallRye Config reads; empty for text it does not recognise (it reads false). */
  public static Optional<Boolean> booleanValue(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (TRUE.contains(t)) {
      return Optional.of(Boolean.TRUE);
    }
    return FALSE.contains(t) ? Optional.of(Boolean.FALSE) : Optional.empty();
  }

  /** Whether SmallRye Config reads {@code text} as true. */
  public static boolean isTrue(String text) {
    return booleanValue(text).orElse(Boolean.FALSE);
  }

  /**
   * The {@code int} SmallRye Config reads ({@code Integer.valueOf} of the trimmed text: decimal, an
   * optional sign, no hex, no underscores); empty when conversion fails and startup with it.
   */
  public static OptionalInt count(String text) {
    try {
      return OptionalInt.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Lower-case ASCII letters and digits only: the form "did you mean" compares. */
  static String uniform(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
