package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.model.BuildFile;
import dev.poolguard.core.model.Deployment;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Observability;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.kubernetes.Deployments;
import dev.poolguard.core.model.micronaut.MicronautInput;
import dev.poolguard.core.model.micronaut.MicronautResolver;
import dev.poolguard.core.model.quarkus.EnvChecks;
import dev.poolguard.core.model.quarkus.QuarkusInput;
import dev.poolguard.core.model.quarkus.QuarkusResolver;
import dev.poolguard.core.model.spring.ExternalSources;
import dev.poolguard.core.model.spring.ExtraDataSource;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.model.spring.SpringInput;
import dev.poolguard.core.model.spring.SpringResolver;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.DataSourceDeclaration;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one service's effective settings with the framework that reads its files (Spring Boot or
 * Quarkus), with the environment and files of the workload that runs it.
 */
final class FrameworkDispatch {

  private static final int NEWEST_HIKARI = 7;

  private final PoolguardConfig config;
  private final Workspace workspace;
  private final LintRequest request;
  private final List<String> notes;
  private final WorkloadMatching workloads;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<Service, List<Diagnostic>> startup = new IdentityHashMap<>();

  FrameworkDispatch(
      PoolguardConfig config,
      Workspace workspace,
      LintRequest request,
      List<String> notes,
      WorkloadMatching workloads) {
    this.config = config;
    this.workspace = workspace;
    this.request = request;
    this.notes = notes;
    this.workloads = workloads;
  }

  /**
   * A dispatch for one service resolved beside others: its own notes, diagnostics and startup
   * checks, the rest shared. {@link #join} takes them over in the order the serial loop had.
   */
  FrameworkDispatch fork(List<String> ownNotes) {
    return new FrameworkDispatch(config, workspace, request, ownNotes, workloads);
  }

  /** Takes over a fork's diagnostics, after those of the forks joined before it. */
  void join(FrameworkDispatch fork) {
    diagnostics.addAll(fork.diagnostics);
    startup.putAll(fork.startup);
  }

  /**
   * The diagnostics of the services the model keeps (a service resolved only to learn its name is
   * resolved again with its workload): environment ones, and what stops it at startup.
   */
  List<Diagnostic> diagnostics(List<Service> kept) {
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    kept.forEach(s -> out.addAll(startup.getOrDefault(s, List.of())));
    return out;
  }

  List<Service> resolve(
      String name,
      boolean fixed,
      List<SpringFile> packaged,
      List<String> profiles,
      Optional<Workload> workload,
      Optional<String> container,
      Optional<Framework> fixedFramework) {
    List<SpringFile> files = new ArrayList<>(packaged);
    ExternalSources external = ExternalSources.NONE;
    Optional<Deployments.Overrides> overrides = Optional.empty();
    if (workload.isPresent()) {
      workloads.claim(workload.get());
      overrides =
          new Deployments(workloads.cluster(), workspace.limits(), notes)
              .of(workload.get(), container);
      if (overrides.isPresent()) {
        external = overrides.get().sources();
        Optional<List<String>> names = ConfigNames.of(external);
        if (names.isPresent()) {
          files.clear();
          files.addAll(ConfigNames.renamed(packaged, configFolders(name), names.get(), workspace));
        }
        // spring.config.location replaces the default locations, packaged ones included.
        java.util.function.IntPredicate reads = overrides.get().readsPackaged();
        files.removeIf(f -> !reads.test(f.location()));
        files.addAll(overrides.get().externalFiles());
        for (ConfigFile embedded : overrides.get().embeddedFiles()) {
          workspace.keep(embedded.displayPath() + "#" + embedded.hashCode(), embedded);
        }
      }
    }
    Optional<BuildFile> build =
        packaged.isEmpty()
            ? Optional.empty()
            : BuildFiles.near(
                packaged.get(0).path(), p -> workspace.display().of(p), this::mayReadBuildFile);
    Framework framework = Frameworks.of(files, fixedFramework);
    if (framework == Framework.QUARKUS) {
      return quarkus(name, files, profiles, workload, external, overrides, build);
    }
    if (framework == Framework.MICRONAUT) {
      return micronaut(name, fixed, files, profiles, workload, external, overrides);
    }
    SpringInput input =
        new SpringInput(
            name,
            fixed,
            files,
            profiles,
            request.profileOverride(),
            config.hikariVersion().orElse(NEWEST_HIKARI),
            workspace::loadIfPresent,
            external,
            extraDataSources(name));
    String bootLine =
        BootLines.of(packaged, p -> workspace.display().of(p), this::mayReadBuildFile);
    notes.addAll(
        DataSourceHints.notes(
            name, files, input.extra().stream().map(ExtraDataSource::prefix).toList()));
    List<Service> services =
        SpringResolver.resolve(input).stream()
            .map(s -> s.withFrameworkLine(bootLine).withObservability(built(s, build)))
            .toList();
    Optional<Deployment> deployment = deployment(workload, overrides);
    if (deployment.isEmpty()) {
      services.forEach(s -> startup.put(s, SpringResolver.startupDiagnostics(input, List.of(s))));
      return services;
    }
    List<Service> withDeployment = new ArrayList<>();
    for (Service s : services) {
      withDeployment.add(s.withDeployment(deployment.get()));
      startup.put(
          withDeployment.get(withDeployment.size() - 1),
          SpringResolver.startupDiagnostics(input, List.of(s)));
      diagnostics.addAll(SpringResolver.environmentDiagnostics(input, s.name(), s.profileLabel()));
      for (Deployments.Unread u : overrides.get().unread()) {
        diagnostics.add(Deployments.unreadDiagnostic(u, s.name(), s.profileLabel()));
      }
    }
    return withDeployment;
  }

  /** The folders poolguard.yaml's config: names for the service, with their location ranks. */
  private java.util.Map<Path, Integer> configFolders(String service) {
    java.util.Map<Path, Integer> out = new java.util.LinkedHashMap<>();
    ServiceConfig declared = config.services().get(service);
    if (declared == null) {
      return out;
    }
    int rank = 0;
    for (Path entry : declared.config()) {
      Path dir = entry.toAbsolutePath().normalize();
      if (Files.isDirectory(dir)) {
        out.put(dir, rank);
        out.put(dir.resolve("config"), rank + 1);
      }
      rank += 2;
    }
    return out;
  }

  /** The long-form datasources poolguard.yaml declares for the service with a prefix to read. */
  private List<ExtraDataSource> extraDataSources(String service) {
    ServiceConfig declared = config.services().get(service);
    if (declared == null) {
      return List.of();
    }
    List<ExtraDataSource> out = new ArrayList<>();
    for (DataSourceDeclaration d : declared.declared().values()) {
      d.prefix()
          .ifPresent(
              prefix ->
                  out.add(
                      new ExtraDataSource(
                          d.name(),
                          prefix,
                          d.enabledBy(),
                          d.havingValue(),
                          d.matchIfMissing(),
                          d.position())));
    }
    return out;
  }

  /**
   * A build file is read only inside what the run lints (a linted path, or the folder of
   * poolguard.yaml), and never where the run's boundary refuses to go: a fixture or a service
   * linted alone does not take the pom.xml of whatever project happens to hold it.
   */
  private boolean mayReadBuildFile(Path build) {
    Path file = build.toAbsolutePath().normalize();
    boolean linted =
        request.absolutePaths().stream()
                .anyMatch(root -> file.startsWith(root.toAbsolutePath().normalize()))
            || (config.file().isPresent() && file.startsWith(config.baseDir()));
    return linted && workspace.refusal(file).isEmpty();
  }

  private static Observability built(Service s, Optional<BuildFile> build) {
    return s.observability().withBuild(build);
  }

  private List<Service> quarkus(
      String name,
      List<SpringFile> files,
      List<String> profiles,
      Optional<Workload> workload,
      ExternalSources external,
      Optional<Deployments.Overrides> overrides,
      Optional<BuildFile> build) {
    List<ConfigFile> ordered =
        files.stream()
            .sorted(
                Comparator.comparingInt(SpringFile::location)
                    .thenComparing(f -> f.path().getFileName().toString().contains("-"))
                    .thenComparing(f -> f.file().format() != ConfigFile.Format.PROPERTIES))
            .map(SpringFile::file)
            .toList();
    List<dev.poolguard.core.model.ExternalSetting> settings =
        new ArrayList<>(external.environment());
    settings.addAll(external.systemProperties());
    List<Service> services =
        QuarkusResolver.resolve(
                new QuarkusInput(
                    name,
                    ordered,
                    request.profileOverride().flatMap(p -> p.stream().findFirst()),
                    profiles,
                    settings))
            .stream()
            .map(s -> s.withObservability(built(s, build)))
            .toList();
    Optional<Deployment> deployment = deployment(workload, overrides);
    if (deployment.isEmpty()) {
      return services;
    }
    List<Service> withDeployment = new ArrayList<>();
    for (Service s : services) {
      Service deployed = s.withDeployment(deployment.get());
      withDeployment.add(deployed);
      startup.put(
          deployed, EnvChecks.bindsNothing(external.environment(), s.name(), s.profileLabel()));
    }
    return withDeployment;
  }

  /**
   * A Micronaut service: its classpath root files (Micronaut reads no classpath {@code config/}
   * folder), with the deployment's arguments, system properties and environment.
   */
  private List<Service> micronaut(
      String name,
      boolean fixed,
      List<SpringFile> files,
      List<String> profiles,
      Optional<Workload> workload,
      ExternalSources external,
      Optional<Deployments.Overrides> overrides) {
    List<ConfigFile> root =
        files.stream()
            .filter(f -> f.location() % 2 == 0 && !f.external())
            .sorted(Comparator.comparing(f -> f.file().displayPath()))
            .map(SpringFile::file)
            .toList();
    Service service =
        MicronautResolver.resolve(
            new MicronautInput(
                name,
                fixed,
                root,
                request.profileOverride(),
                profiles,
                external.arguments(),
                external.systemProperties(),
                external.environment(),
                external.onKubernetes()
                    && workload.filter(w -> w.kind() != Workload.Kind.COMPOSE_SERVICE).isPresent(),
                config.hikariVersion().orElse(MICRONAUT_HIKARI)));
    Optional<Deployment> deployment = deployment(workload, overrides);
    return List.of(deployment.map(service::withDeployment).orElse(service));
  }

  /** micronaut-jdbc-hikari 6.3 (Micronaut 4.10) depends on HikariCP 6.3. */
  private static final int MICRONAUT_HIKARI = 6;

  /** The workload the services run in, when a manifest deploys them. */
  private Optional<Deployment> deployment(
      Optional<Workload> workload, Optional<Deployments.Overrides> overrides) {
    if (workload.isEmpty() || overrides.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Deployment(
            workload.get(),
            workloads.cluster().autoscalersFor(workload.get()),
            overrides.get().container()));
  }
}
