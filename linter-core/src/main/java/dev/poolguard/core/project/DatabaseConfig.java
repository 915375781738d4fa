package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One database server and its connection limits, under {@code databases.<name>}. At least one of
 * {@code maxConnections} and {@code config} is present.
 *
 * @param name the database name (its key)
 * @param maxConnections the server's max_connections as written here; replaces {@code config}'s,
 *     whose reserved slots still count
 * @param config the server's postgresql.conf, resolved against the file's folder
 * @param reservedConnections connections kept free beyond the server's own reserved slots (default
 *     0)
 * @param connectionIdleLimitSeconds shortest idle or lifetime limit on the path to the server
 * @param position the database's key
 * @param positions the key of every setting given, by its {@code poolguard.yaml} name
 * @param pooler the PgBouncer the services reach it through, when declared
 */
public record DatabaseConfig(
    String name,
    OptionalInt maxConnections,
    Optional<Path> config,
    int reservedConnections,
    OptionalInt connectionIdleLimitSeconds,
    SourcePosition position,
    Map<String, SourcePosition> positions,
    Optional<PoolerConfig> pooler) {

  public DatabaseConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(maxConnections, "maxConnections");
    Objects.requireNonNull(config, "config");
    if (reservedConnections < 0) {
      throw new IllegalArgumentException("reservedConnections must be >= 0");
    }
    Objects.requireNonNull(connectionIdleLimitSeconds, "connectionIdleLimitSeconds");
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
    Objects.requireNonNull(pooler, "pooler");
  }

  /** Where setting {@code key} is written, else the database's key. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
