package dev.poolguard.oracle.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of Quarkus's {@code DataSourcesJdbcRuntimeConfig}: datasources by name under {@code
 * quarkus.datasource}, the unnamed one as {@code <default>}, so SmallRye's own mapping decides
 * which of {@code quarkus.datasource.users.jdbc.max-size}, {@code
 * quarkus.datasource."users".jdbc.max-size} and their env forms a datasource gets. Values stay
 * text: poolguard compares what was written.
 */
@ConfigMapping(prefix = "quarkus.datasource")
interface AgroalMapping {

  String DEFAULT = "<default>";

  @WithParentName
  @WithUnnamedKey(DEFAULT)
  Map<String, DataSource> dataSources();

  /** One datasource. */
  interface DataSource {
    Jdbc jdbc();
  }

  /** The Agroal keys the oracle compares. */
  interface Jdbc {
    Optional<String> maxSize();

    Optional<String> minSize();

    Optional<String> initialSize();

    Optional<String> acquisitionTimeout();

    Optional<String> idleRemovalInterval();

    Optional<String> maxLifetime();

    Optional<String> backgroundValidationInterval();

    Optional<String> leakDetectionInterval();

    /** A value by its kebab-case key. */
    default Optional<String> value(String key) {
      return switch (key) {
        case "max-size" -> maxSize();
        case "min-size" -> minSize();
        case "initial-size" -> initialSize();
        case "acquisition-timeout" -> acquisitionTimeout();
        case "idle-removal-interval" -> idleRemovalInterval();
        case "max-lifetime" -> maxLifetime();
        case "background-validation-interval" -> backgroundValidationInterval();
        case "leak-detection-interval" -> leakDetectionInterval();
        default -> throw new IllegalArgumentException(key);
      };
    }
  }
}
