package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.model.alerting.AlertRules;
import dev.poolguard.core.model.kubernetes.Cluster;
import dev.poolguard.core.model.kubernetes.Manifests;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes side of a run: the manifests among the discovered files, and which workload runs
 * which service (named in poolguard.yaml, by name, or an application nobody claimed).
 */
final class WorkloadMatching {

  private final Cluster cluster;
  private final Workspace workspace;
  // Services are resolved on several threads (ServiceAssembly): claims come from all of them, and
  // are read only once they are all done. The indexes below are written here and only read.
  private final Set<Workload> claimed = ConcurrentHashMap.newKeySet();
  private final Map<String, List<Workload>> byPath = new HashMap<>();
  private final Map<String, List<Workload>> byName = new HashMap<>();
  private final Map<Workload, Integer> order = new IdentityHashMap<>();
  private final Overlays overlays;
  private final Charts charts;

  WorkloadMatching(Cluster cluster, Workspace workspace, Overlays overlays, Charts charts) {
    this.cluster = cluster;
    this.overlays = overlays;
    this.charts = charts;
    this.workspace = workspace;
    // Indexed once: every configured service asks, so scanning all workloads per service grew
    // with services times workloads.
    for (Workload w : cluster.workloads()) {
      order.put(w, order.size());
      byPath.computeIfAbsent(w.position().path(), k -> new ArrayList<>()).add(w);
      byName.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(w);
    }
  }

  Cluster cluster() {
    return cluster;
  }

  /** Marks {@code workload} as running a service. */
  void claim(Workload workload) {
    claimed.add(workload);
  }

  /** Workloads no service claimed whose environment configures a datasource. */
  List<Workload> unclaimedApplications() {
    return cluster.workloads().stream()
        .filter(w -> !claimed.contains(w) && looksLikeSpring(w))
        .toList();
  }

  /** Kubernetes manifests among the discovered files; Helm templates are skipped with a note. */
  static Cluster readManifests(
      List<Path> candidates,
      Workspace workspace,
      LintRequest request,
      List<String> notes,
      List<ConfigFile> manifestsRead,
      List<Path> plainFiles,
      Overlays overlays,
      Charts charts) {
    List<ConfigFile> manifests = new ArrayList<>(overlays.files());
    manifests.addAll(charts.files());
    manifestsRead.addAll(manifests);
    Set<Path> seen = new HashSet<>();
    for (Path path : candidates) {
      Path p = path.toAbsolutePath().normalize();
      if (!seen.add(p) || overlays.consumed(p) || charts.consumed(p)) {
        continue;
      }
      Optional<String> text = workspace.text(p);
      ConfigFile file = workspace.peek(p);
      boolean manifest =
          file.parsed()
              ? Manifests.isManifest(file)
              : text.map(t -> t.contains("apiVersion:") && t.contains("kind:")).orElse(false);
      if (manifest) {
        workspace.keep(p, file);
        manifests.add(file);
        manifestsRead.add(file);
      } else if (file.parsed() && AlertRules.isRulesFile(file)) {
        // Prometheus rules files are read for the alert rules that watch the pools.
        workspace.keep(p, file);
      } else if (file.parsed()) {
        plainFiles.add(p);
      }
    }
    if (request.stdin().isPresent()) {
      ConfigFile stdin =
          ConfigLoader.loadText(
              request.stdin().get(), "<stdin>", ConfigFile.Format.YAML, 0, 0, workspace.limits());
      workspace.keep("<stdin>", stdin);
      manifests.add(stdin);
    }
    Cluster read = Manifests.read(manifests, workspace::text);
    notes.addAll(read.notes());
    return read;
  }

  /**
   * The workloads of a service of poolguard.yaml: in its deployment: files, else the one of its
   * name. Several workloads in those files all run the service (one per zone, a canary beside the
   * stable Deployment) unless one of them carries the service's name; database servers among them
   * (POSTGRES_*, MYSQL_* env) never do.
   */
  /** The workloads written in one of {@code paths} or named in {@code names}, in cluster order. */
  private List<Workload> inFiles(Set<String> paths, Set<String> names) {
    Set<Workload> found = Collections.newSetFromMap(new IdentityHashMap<>());
    paths.forEach(p -> found.addAll(byPath.getOrDefault(p, List.of())));
    names.forEach(n -> found.addAll(byName.getOrDefault(n, List.of())));
    return found.stream().sorted(Comparator.comparingInt(order::get)).toList();
  }

  List<Workload> configured(ServiceConfig service, List<String> notes) {
    if (!service.deployment().isEmpty() || service.helm().isPresent()) {
      Set<String> paths = new HashSet<>();
      Set<String> rendered = new HashSet<>(charts.objects(service.name()));
      for (Path p : service.deployment()) {
        ServiceFiles.filesUnder(p).forEach(f -> paths.add(workspace.display().of(f)));
        Overlays.named(p)
            .ifPresent(k -> rendered.addAll(overlays.objects(workspace.display().of(k))));
      }
      List<Workload> inFiles = inFiles(paths, rendered);
      if (inFiles.size() == 1) {
        return List.of(inFiles.get(0));
      }
      Optional<Workload> named =
          inFiles.stream().filter(w -> w.name().equals(service.name())).findFirst();
      if (named.isPresent()) {
        return List.of(named.get());
      }
      List<Workload> running = inFiles.stream().filter(w -> !databaseServer(w)).toList();
      if (running.size() > 1) {
        notes.add(
            "service "
                + service.name()
                + " runs as "
                + running.size()
                + " workloads ("
                + String.join(", ", running.stream().map(Workload::describe).toList())
                + "): their pods share its load and each counts in the connection budget");
      }
      return running;
    }
    return named(service.name()).map(List::of).orElse(List.of());
  }

  /** A workload whose containers are given a database server's settings (POSTGRES_*, ...). */
  private boolean databaseServer(Workload w) {
    for (var c : w.containers()) {
      boolean server =
          dev.poolguard.core.model.kubernetes.Environment.of(c, cluster, w.namespace())
              .entries()
              .keySet()
              .stream()
              .map(n -> n.toUpperCase(Locale.ROOT))
              .anyMatch(
                  n ->
                      n.startsWith("POSTGRES_")
                          || n.startsWith("MYSQL_")
                          || n.startsWith("MARIADB_"));
      if (server) {
        return true;
      }
    }
    return false;
  }

  /** The first workload of that name, in cluster order. */
  Optional<Workload> named(String name) {
    return byName.getOrDefault(name, List.of()).stream().findFirst();
  }

  /**
   * A workload whose container environment (env and envFrom) configures a Spring or Quarkus
   * datasource, and that is not itself a database server (which gets POSTGRES_* or MYSQL_*).
   */
  private boolean looksLikeSpring(Workload w) {
    for (var c : w.containers()) {
      var names =
          dev.poolguard.core.model.kubernetes.Environment.of(c, cluster, w.namespace())
              .entries()
              .keySet();
      boolean app =
          names.stream()
              .map(n -> envForm(w, n))
              .anyMatch(n -> n.startsWith("SPRING_DATASOURCE") || n.contains("QUARKUS_DATASOURCE"));
      boolean server =
          names.stream()
              .map(n -> n.toUpperCase(Locale.ROOT))
              .anyMatch(
                  n ->
                      n.startsWith("POSTGRES_")
                          || n.startsWith("MYSQL_")
                          || n.startsWith("MARIADB_"));
      if (app && !server) {
        return true;
      }
      // A compose service that configures its datasource on its command line only.
      if (w.kind() == Workload.Kind.COMPOSE_SERVICE
          && !server
          && c.args().stream()
              .map(a -> a.text().toLowerCase(Locale.ROOT))
              .anyMatch(
                  a ->
                      a.startsWith("--spring.datasource")
                          || a.startsWith("-dspring.datasource")
                          || a.startsWith("--quarkus.datasource")
                          || a.startsWith("-dquarkus.datasource"))) {
        return true;
      }
    }
    return false;
  }

  static boolean quarkusEnv(Workload w) {
    return w.containers().stream()
        .flatMap(c -> c.env().stream())
        .anyMatch(e -> envForm(w, e.name()).contains("QUARKUS_DATASOURCE"));
  }

  /**
   * A variable name upper-cased; in a compose service also dots as underscores, since compose
   * passes {@code quarkus.datasource.jdbc.url: …} through as written and Quarkus reads it.
   */
  private static String envForm(Workload w, String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return w.kind() == Workload.Kind.COMPOSE_SERVICE ? upper.replace('.', '_') : upper;
  }
}
