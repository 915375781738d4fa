package dev.poolguard.core.model.quarkus;

import java.util.Objects;
import java.util.Optional;

/**
 * One property Quarkus binds under {@code quarkus.datasource[."name"].jdbc.*} for its Agroal pool.
 *
 * @param key the key after the {@code jdbc.} prefix, as Quarkus names it ({@code max-size}, {@code
 *     telemetry.enabled}); for a MAP, the map's own name ({@code additional-jdbc-properties})
 * @param type what kind of value Quarkus converts the text to
 * @param defaultText the default as Quarkus declares it ({@code @WithDefault}); empty when none
 * @param optional whether an empty value clears the setting ({@code Optional}/{@code OptionalInt}
 *     or a MAP) rather than failing startup (a primitive or a required {@code Duration})
 * @param buildTime whether the property is fixed at build time ({@code
 *     DataSourceJdbcBuildTimeConfig})
 */
public record AgroalProperty(
    String key, Type type, Optional<String> defaultText, boolean optional, boolean buildTime) {

  public AgroalProperty {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultText, "defaultText");
  }

  /** What a property's text is converted to, as far as a config linter cares. */
  public enum Type {
    /** A {@code java.time.Duration} read by Quarkus' {@code DurationConverter}. */
    DURATION,
    /** A number of connections ({@code int}). */
    COUNT,
    BOOLEAN,
    TEXT,
    /** A {@code Map<String, String>}; keys follow the property ({@code x.sslmode}). */
    MAP,
    /** A Java enum constant. */
    ENUM
  }
}
