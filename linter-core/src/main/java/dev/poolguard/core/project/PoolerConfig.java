package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PgBouncer in front of a database, under {@code databases.<name>.pooler}: one of {@code
 * config} (a pgbouncer.ini) and {@code manifest} (a CloudNativePG Pooler or a Zalando postgresql
 * with a connection pooler) is present.
 *
 * @param config the pgbouncer.ini, resolved against the file's folder
 * @param manifest the manifest file that declares the pooler, resolved against the file's folder
 * @param name which pooler of the manifest file (its metadata.name), when it declares several
 * @param instances PgBouncer processes or pods, overriding what the configuration says
 * @param version the PgBouncer version, when known
 * @param direct services of this database that connect to it directly, not through the pooler
 * @param position the {@code pooler} key
 * @param positions the key of every setting given, by its {@code poolguard.yaml} name
 */
public record PoolerConfig(
    Optional<Path> config,
    Optional<Path> manifest,
    Optional<String> name,
    OptionalInt instances,
    Optional<String> version,
    List<String> direct,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  public PoolerConfig {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(instances, "instances");
    Objects.requireNonNull(version, "version");
    direct = List.copyOf(direct);
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
  }

  /** Where setting {@code key} is written, else the pooler's key. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
