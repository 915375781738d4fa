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
  private ComposeStacks compose = ComposeStacks.none();

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

  /** The docker-compose projects read. */
  ComposeStacks compose() {
    return compose;
  }

  /** The manifests read, the workloads among them and the Helm templates skipped. */
  UnusedFiles.Read read() {
    return new UnusedFiles.Read(
        List.copyOf(manifests), cluster, List.copyOf(helmTemplates), List.copyOf(plainFiles));
  }

  List<Service> services(List<Path> discovered) {
    List<Path> springFiles = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    Charts charts = new Charts(workspace);
    charts.render(config, notes);
    for (Path file : discovered) {
      if (charts.consumed(file)) {
        continue;
      }
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
    compose = ComposeStacks.read(others, config, workspace, notes);
    others.removeIf(f -> compose.consumed().contains(f.toAbsolutePath().normalize()));
    Overlays overlays = new Overlays(workspace);
    overlays.render(others, config, notes);
    cluster =
        WorkloadMatching.readManifests(
                others, workspace, request, notes, manifests, plainFiles, overlays, charts)
            .withWorkloads(compose.workloads());
    WorkloadMatching workloads = new WorkloadMatching(cluster, workspace, overlays, charts);
    FrameworkDispatch dispatch =
        new FrameworkDispatch(config, workspace, request, notes, workloads);
    List<Service> services = new ArrayList<>();
    Set<Path> claimed = new HashSet<>(); // looked up once per discovered file: no list scan
    // Each service is resolved on its own (in parallel for a large tree) with its own notes and
    // diagnostics, which are taken over in service order: the output is that of a serial loop.
    List<ServiceConfig> configured = List.copyOf(config.services().values());
    for (Resolved r :
        InOrder.map(configured, PARALLEL_FROM, s -> configured(s, dispatch, workloads))) {
      notes.addAll(r.notes());
      claimed.addAll(r.claimed());
      services.addAll(r.services());
      dispatch.join(r.dispatch());
    }
    Map<Path, List<Path>> byRoot = new TreeMap<>();
    for (Path file : springFiles) {
      if (!claimed.contains(file)) {
        byRoot.computeIfAbsent(ServiceFiles.root(file), r -> new ArrayList<>()).add(file);
      }
    }
    // Folders no configured service claimed, one service each, resolved the same way.
    for (Resolved r :
        InOrder.map(
            List.copyOf(byRoot.entrySet()),
            PARALLEL_FROM,
            group -> inFolder(group.getKey(), group.getValue(), dispatch, workloads))) {
      notes.addAll(r.notes());
      services.addAll(r.services());
      dispatch.join(r.dispatch());
    }
    // Only now that every service has claimed its workloads are the unclaimed ones known.
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

  /** Below this many services, threads cost more than they save. */
  private static final int PARALLEL_FROM = 16;

  /** What resolving one service (or one folder's) gave, to be taken over in order. */
  private record Resolved(
      List<String> notes, Set<Path> claimed, List<Service> services, FrameworkDispatch dispatch) {}

  /** A service of poolguard.yaml, with the workloads that run it. */
  private Resolved configured(
      ServiceConfig service, FrameworkDispatch shared, WorkloadMatching workloads) {
    List<String> own = new ArrayList<>();
    FrameworkDispatch dispatch = shared.fork(own);
    List<SpringFile> files = ServiceFiles.configuredFiles(service, workspace, own);
    Set<Path> claimed = new HashSet<>();
    files.forEach(f -> claimed.add(f.path()));
    List<Workload> running = workloads.configured(service, own);
    List<Service> services = new ArrayList<>();
    if (files.isEmpty() && running.isEmpty()) {
      own.add(
          "service "
              + service.name()
              + ": no Spring config files or manifests found at its config: and deployment: paths");
      return new Resolved(own, claimed, services, dispatch);
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
    return new Resolved(own, claimed, services, dispatch);
  }

  /** The config files of one folder no configured service claimed, named after the folder. */
  private Resolved inFolder(
      Path root, List<Path> paths, FrameworkDispatch shared, WorkloadMatching workloads) {
    List<String> own = new ArrayList<>();
    FrameworkDispatch dispatch = shared.fork(own);
    List<SpringFile> files = new ArrayList<>();
    for (Path file : paths) {
      int location = file.getParent().equals(root) ? 0 : 1;
      files.add(new SpringFile(workspace.load(file), file, location));
    }
    String name = ServiceFiles.name(root, request);
    List<Service> plain =
        dispatch.resolve(
            name, false, files, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    String resolvedName = plain.isEmpty() ? name : plain.get(0).name();
    Optional<Workload> workload =
        workloads
            .named(resolvedName)
            .or(() -> workloads.named(name))
            .or(() -> compose.builtFrom(root).flatMap(workloads::named));
    List<Service> services =
        workload.isPresent()
            ? dispatch.resolve(
                name, false, files, List.of(), workload, Optional.empty(), Optional.empty())
            : plain;
    return new Resolved(own, Set.of(), services, dispatch);
  }
}
