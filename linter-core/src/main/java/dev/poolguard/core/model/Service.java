package dev.poolguard.core.model;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployable application and the effective pool settings it runs with.
 *
 * @param name the service name ({@code poolguard.yaml} key, {@code spring.application.name}, or its
 *     folder)
 * @param framework the framework that reads its configuration
 * @param profiles the active profiles, in activation order
 * @param profileSource where the active profiles came from ("default", "spring.profiles.active in
 *     application.yml:3", "--profile")
 * @param configFiles the config files read for it, as display paths, in precedence order (lowest
 *     first)
 * @param dataSources its connection pools, sorted by name
 * @param anchor a position that identifies the service (its main config file)
 * @param deployment how it runs in Kubernetes, when a manifest says
 * @param frameworkLine the framework line whose behaviour the model follows and why ({@code Spring
 *     Boot 3.5 (pom.xml declares 3.5.7)}), or empty when only one is modelled
 * @param observability what decides whether its pool metrics reach a monitoring system
 */
public record Service(
    String name,
    Framework framework,
    List<String> profiles,
    String profileSource,
    List<String> configFiles,
    List<DataSource> dataSources,
    SourcePosition anchor,
    Optional<Deployment> deployment,
    String frameworkLine,
    Observability observability) {

  public Service {
    Objects.requireNonNull(observability, "observability");
    Objects.requireNonNull(frameworkLine, "frameworkLine");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(framework, "framework");
    profiles = List.copyOf(profiles);
    Objects.requireNonNull(profileSource, "profileSource");
    configFiles = List.copyOf(configFiles);
    dataSources = List.copyOf(dataSources);
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(deployment, "deployment");
  }

  /** A service whose framework line is not stated. */
  public Service(
      String name,
      Framework framework,
      List<String> profiles,
      String profileSource,
      List<String> configFiles,
      List<DataSource> dataSources,
      SourcePosition anchor,
      Optional<Deployment> deployment) {
    this(
        name,
        framework,
        profiles,
        profileSource,
        configFiles,
        dataSources,
        anchor,
        deployment,
        "",
        Observability.UNKNOWN);
  }

  /** A service without a known deployment. */
  public Service(
      String name,
      Framework framework,
      List<String> profiles,
      String profileSource,
      List<String> configFiles,
      List<DataSource> dataSources,
      SourcePosition anchor) {
    this(
        name,
        framework,
        profiles,
        profileSource,
        configFiles,
        dataSources,
        anchor,
        Optional.empty());
  }

  public Service withDeployment(Deployment d) {
    return new Service(
        name,
        framework,
        profiles,
        profileSource,
        configFiles,
        dataSources,
        anchor,
        Optional.of(d),
        frameworkLine,
        observability);
  }

  /** This service, stating the framework line its model follows. */
  public Service withFrameworkLine(String line) {
    return new Service(
        name,
        framework,
        profiles,
        profileSource,
        configFiles,
        dataSources,
        anchor,
        deployment,
        line,
        observability);
  }

  /** This service, with what decides whether its pool metrics can be seen. */
  public Service withObservability(Observability seen) {
    return new Service(
        name,
        framework,
        profiles,
        profileSource,
        configFiles,
        dataSources,
        anchor,
        deployment,
        frameworkLine,
        seen);
  }

  /** The active profiles as one label, e.g. {@code prod,eu}. */
  public String profileLabel() {
    return String.join(",", profiles);
  }
}
