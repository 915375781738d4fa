package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.kubernetes.Cluster;
import dev.poolguard.core.model.spring.SpringFile;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups config files into services (from {@code poolguard.yaml}, else by folder), ties them to the
 * Kubernetes workloads that run them ({@link WorkloadMatching}), and resolves each service's
 * effective settings ({@link FrameworkDispatch}); which files belong together is {@link
 * ServiceFiles}'s.
 */
final class ServiceAssembly {

  private final PoolguardConfig config;
  private final Workspace workspace;
  private final LintRequest request;
  private final List<String> notes;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Cluster cluster = Cluster.empty();
  private final List<ConfigFile> manifests = new ArrayList<>();
  private final List<Path> helmTemplates = new ArrayList<>();
  private final List<Path> plainFiles = new ArrayList<>();

  ServiceAssembly(
      PoolguardConfig config, Workspace workspace, LintRequest request, List<String> notes) {
    this.config = config;
    this.workspace = workspace;
    this.request = request;
    this.notes = notes;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The manifests read, the workloads among them and the Helm templates skipped. */
  UnusedFiles.Read read() {
    return new UnusedFiles.Read(
        List.copyOf(manifests), cluster, List.copyOf(helmTemplates), List.copyOf(plainFiles));
  }

  List<Service> services(List<Path> discovered) {
    List<Path> springFiles = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path file : discovered) {
      if (ServiceFiles.isHelmTemplate(file, workspace.text(file))) {
        helmTemplates.add(file);
        notes.add(
            "skipped "
                + workspace.display().of(file)
                + ": Helm template (render it first, e.g. helm template . | poolguard lint -)");
        continue;
      }
      if (SpringFile.isSpringConfigName(file.getFileName().toString())) {
        springFiles.add(file);
      } else if (ConfigLoader.formatOf(file)
          .filter(f -> f != ConfigFile.Format.PROPERTIES)
          .isPresent()) {
        others.add(file);
      }
    }
    for (ServiceConfig service : config.services().values()) {
      for (Path p : service.deployment()) {
        others.addAll(ServiceFiles.filesUnder(p));
      }
    }
    Overlays overlays = new Overlays(workspace);
    overlays.render(others, config, notes);
    cluster =
        WorkloadMatching.readManifests(
            others, workspace, request, notes, manifests, plainFiles, overlays);
    WorkloadMatching workloads = new WorkloadMatching(cluster, workspace, notes, overlays);
    FrameworkDispatch dispatch =
        new FrameworkDispatch(config, workspace, request, notes, workloads);
    List<Service> services = new ArrayList<>();
    Set<Path> claimed = new HashSet<>(); // looked up once per discovered file: no list scan
    for (ServiceConfig service : config.services().values()) {
      List<SpringFile> files = ServiceFiles.configuredFiles(service, workspace, notes);
      files.forEach(f -> claimed.add(f.path()));
      List<Workload> running = workloads.configured(service);
      if (files.isEmpty() && running.isEmpty()) {
        notes.add(
            "service "
                + service.name()
                + ": no Spring config files or manifests found at its config: and deployment: paths");
        continue;
      }
      for (Optional<Workload> workload :
          running.isEmpty()
              ? List.of(Optional.<Workload>empty())
              : running.stream().map(Optional::of).toList()) {
        services.addAll(
            dispatch.resolve(
                service.name(),
                true,
                files,
                service.profiles(),
                workload,
                service.container(),
                service.framework()));
      }
    }
    Map<Path, List<Path>> byRoot = new TreeMap<>();
    for (Path file : springFiles) {
      if (!claimed.contains(file)) {
        byRoot.computeIfAbsent(ServiceFiles.root(file), r -> new ArrayList<>()).add(file);
      }
    }
    for (Map.Entry<Path, List<Path>> group : byRoot.entrySet()) {
      List<SpringFile> files = new ArrayList<>();
      for (Path file : group.getValue()) {
        int location = file.getParent().equals(group.getKey()) ? 0 : 1;
        files.add(new SpringFile(workspace.load(file), file, location));
      }
      String name = ServiceFiles.name(group.getKey(), request);
      List<Service> plain =
          dispatch.resolve(
              name, false, files, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
      String resolvedName = plain.isEmpty() ? name : plain.get(0).name();
      Optional<Workload> workload = workloads.named(resolvedName).or(() -> workloads.named(name));
      services.addAll(
          workload.isPresent()
              ? dispatch.resolve(
                  name, false, files, List.of(), workload, Optional.empty(), Optional.empty())
              : plain);
    }
    for (Workload w : workloads.unclaimedApplications()) {
      services.addAll(
          dispatch.resolve(
              w.name(),
              true,
              List.of(),
              List.of(),
              Optional.of(w),
              Optional.empty(),
              Optional.of(WorkloadMatching.quarkusEnv(w) ? Framework.QUARKUS : Framework.SPRING)));
    }
    diagnostics.addAll(dispatch.diagnostics(services));
    services.sort(
        Comparator.comparing(Service::name)
            .thenComparing(Service::profileLabel)
            .thenComparing(s -> s.deployment().map(d -> d.workload().describe()).orElse("")));
    return services;
  }
}
