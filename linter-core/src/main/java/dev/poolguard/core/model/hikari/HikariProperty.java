package dev.poolguard.core.model.hikari;

import java.util.Objects;
import java.util.Optional;

/**
 * One property Spring Boot can bind under {@code spring.datasource.hikari.*} onto a {@code
 * HikariDataSource}.
 *
 * @param key the canonical kebab-case key, as Spring names the JavaBean property ({@code
 *     maximum-pool-size}, {@code data-source-j-n-d-i})
 * @param type what kind of value the setter takes
 * @param defaultText the default in the newest supported HikariCP major, as Spring would read it;
 *     empty when there is none or it depends on other settings or on the driver (see {@link
 *     HikariProperties#defaultText(String, int)} for other majors)
 * @param sinceMajor the first supported HikariCP major whose {@code HikariDataSource} has the
 *     setter ({@link HikariProperties#OLDEST_MAJOR} for "at least as old as that")
 */
public record HikariProperty(String key, Type type, Optional<String> defaultText, int sinceMajor) {

  public HikariProperty {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultText, "defaultText");
  }

  /** What a setter takes, as far as a config linter cares. */
  public enum Type {
    /** A duration in milliseconds ({@code long}). */
    MILLIS,
    /** A duration in seconds ({@code int}): only {@code login-timeout}. */
    SECONDS,
    /** A number of connections ({@code int}). */
    COUNT,
    BOOLEAN,
    TEXT,
    /** A {@code Properties} map; keys follow the property ({@code data-source-properties.x}). */
    MAP,
    /** An object that configuration text cannot express (a bean, a registry, an executor). */
    OBJECT
  }

  /** Whether HikariCP of this major has the property. */
  public boolean existsIn(int hikariMajor) {
    return hikariMajor >= sinceMajor;
  }
}
