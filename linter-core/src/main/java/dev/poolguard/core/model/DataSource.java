package dev.poolguard.core.model;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection pool of a service.
 *
 * @param name {@code default} for the main datasource, else the datasource's name
 * @param pool the pool library
 * @param prefix the property prefix of the pool's settings ({@code spring.datasource.hikari})
 * @param settings every setting that is set, and every known setting's default, sorted by key
 * @param inert why the settings cannot apply, if they cannot
 * @param anchor where pool settings belong in the service's main config file
 * @param libraryMajor the major version of the pool library whose behaviour applies
 */
public record DataSource(
    String name,
    PoolKind pool,
    String prefix,
    List<PoolSetting> settings,
    Optional<Inert> inert,
    SourcePosition anchor,
    int libraryMajor) {

  public DataSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(prefix, "prefix");
    settings = List.copyOf(settings);
    Objects.requireNonNull(inert, "inert");
    Objects.requireNonNull(anchor, "anchor");
  }

  /**
   * Why pool settings cannot apply, and the line that makes it so.
   *
   * @param switchedOff true when the application switches the datasource off on purpose (a property
   *     its declaration names is off), not a mistake worth a warning
   */
  public record Inert(String reason, SourcePosition position, boolean switchedOff) {

    /** Settings that cannot apply by mistake. */
    public Inert(String reason, SourcePosition position) {
      this(reason, position, false);
    }
  }

  public Optional<PoolSetting> setting(String key) {
    return settings.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** The effective value of a known setting; empty when neither set nor defaulted. */
  public Optional<Value> value(String key) {
    return setting(key).map(PoolSetting::value);
  }
}
