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
 * @param engine the managed service or server software ({@code aurora-postgresql}, {@code
 *     mysql}...), when given
 * @param size the managed instance's size: {@code instanceClass} (AWS), {@code sku} (Azure) or
 *     {@code tier} (Cloud SQL), whichever is given
 * @param source how a database poolguard found itself (not in poolguard.yaml) was found, for
 *     messages ({@code compose service db}); empty for one declared in poolguard.yaml
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
    Optional<String> engine,
    Optional<String> size,
    Optional<String> source,
    Optional<PoolerConfig> pooler) {

  /** A database declared with connection numbers or a config file only. */
  public DatabaseConfig(
      String name,
      OptionalInt maxConnections,
      Optional<Path> config,
      int reservedConnections,
      OptionalInt connectionIdleLimitSeconds,
      SourcePosition position,
      Map<String, SourcePosition> positions) {
    this(
        name,
        maxConnections,
        config,
        reservedConnections,
        connectionIdleLimitSeconds,
        position,
        positions,
        Optional.empty());
  }

  /** A database declared with connection numbers or a config file, and maybe a pooler. */
  public DatabaseConfig(
      String name,
      OptionalInt maxConnections,
      Optional<Path> config,
      int reservedConnections,
      OptionalInt connectionIdleLimitSeconds,
      SourcePosition position,
      Map<String, SourcePosition> positions,
      Optional<PoolerConfig> pooler) {
    this(
        name,
        maxConnections,
        config,
        reservedConnections,
        connectionIdleLimitSeconds,
        position,
        positions,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        pooler);
  }

  /** A database with an engine, size or source, and no pooler. */
  public DatabaseConfig(
      String name,
      OptionalInt maxConnections,
      Optional<Path> config,
      int reservedConnections,
      OptionalInt connectionIdleLimitSeconds,
      SourcePosition position,
      Map<String, SourcePosition> positions,
      Optional<String> engine,
      Optional<String> size,
      Optional<String> source) {
    this(
        name,
        maxConnections,
        config,
        reservedConnections,
        connectionIdleLimitSeconds,
        position,
        positions,
        engine,
        size,
        source,
        Optional.empty());
  }

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
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pooler, "pooler");
  }

  /** Where setting {@code key} is written, else the database's key. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
