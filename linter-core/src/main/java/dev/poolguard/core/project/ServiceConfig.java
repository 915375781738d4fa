package dev.poolguard.core.project;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Framework;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One service as {@code poolguard.yaml} describes it, under {@code services.<name>}.
 *
 * @param name the service name (its key)
 * @param framework the framework, when given
 * @param config configuration files or folders, resolved against the file's folder
 * @param deployment Kubernetes manifest files or folders, resolved against the file's folder
 * @param container the application container's name, when given
 * @param profiles the fallback active profiles, in order
 * @param database the database of the default datasource, when given
 * @param datasources named datasources and their databases, sorted by datasource name
 * @param replicas pods, when given
 * @param load the peak load, when given
 * @param helm the Helm chart that deploys the service, when given
 * @param position the service's key
 * @param positions the key of every setting given, by its {@code poolguard.yaml} name
 * @param declared datasources given in the long form (with a prefix or a switch), by name
 */
public record ServiceConfig(
    String name,
    Optional<Framework> framework,
    List<Path> config,
    List<Path> deployment,
    Optional<String> container,
    List<String> profiles,
    Optional<String> database,
    Map<String, String> datasources,
    OptionalInt replicas,
    Optional<Load> load,
    Optional<HelmConfig> helm,
    SourcePosition position,
    Map<String, SourcePosition> positions,
    Map<String, DataSourceDeclaration> declared) {

  public ServiceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(framework, "framework");
    config = List.copyOf(config);
    deployment = List.copyOf(deployment);
    Objects.requireNonNull(container, "container");
    profiles = List.copyOf(profiles);
    Objects.requireNonNull(database, "database");
    datasources = Copies.sorted(datasources);
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(helm, "helm");
    Objects.requireNonNull(position, "position");
    positions = Copies.sorted(positions);
    declared = Copies.sorted(declared);
  }

  /** A service without long-form datasources. */
  public ServiceConfig(
      String name,
      Optional<Framework> framework,
      List<Path> config,
      List<Path> deployment,
      Optional<String> container,
      List<String> profiles,
      Optional<String> database,
      Map<String, String> datasources,
      OptionalInt replicas,
      Optional<Load> load,
      Optional<HelmConfig> helm,
      SourcePosition position,
      Map<String, SourcePosition> positions) {
    this(
        name,
        framework,
        config,
        deployment,
        container,
        profiles,
        database,
        datasources,
        replicas,
        load,
        helm,
        position,
        positions,
        Map.of());
  }

  /** Where setting {@code key} is written, else the service's key. */
  public SourcePosition positionOf(String key) {
    return positions.getOrDefault(key, position);
  }
}
