package dev.poolguard.core.model;

import java.util.Objects;

/**
 * One pool setting of a datasource.
 *
 * @param key the canonical kebab-case key under the pool prefix ({@code maximum-pool-size}); for an
 *     unknown key, the key as written
 * @param property the full property name as written at the origin
 * @param value the effective value
 * @param known whether the pool library has this setting
 */
public record PoolSetting(String key, String property, Value value, boolean known) {

  public PoolSetting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
  }
}
