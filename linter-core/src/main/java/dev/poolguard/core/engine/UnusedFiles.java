package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.kubernetes.Cluster;
import dev.poolguard.core.model.workload.Workload;
import dev.poolguard.core.project.DatabaseConfig;
import dev.poolguard.core.project.PoolguardConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Files the run found but did not use, so that a run that understood nothing never looks clean: a
 * Helm template, a workload no service runs in, a kind or file poolguard does not model.
 */
final class UnusedFiles {

  private UnusedFiles() {}

  /**
   * What service assembly read.
   *
   * @param manifests the files read as Kubernetes manifests
   * @param cluster the objects read from them
   * @param helmTemplates files skipped as Helm templates
   * @param plainFiles YAML and JSON files that are neither Spring config nor manifests
   */
  record Read(
      List<ConfigFile> manifests,
      Cluster cluster,
      List<Path> helmTemplates,
      List<Path> plainFiles) {}

  /** Kinds whose objects poolguard reads. */
  private static final Set<String> MODELLED =
      Set.of("Deployment", "StatefulSet", "HorizontalPodAutoscaler", "ConfigMap", "Secret");

  /** Kinds that run pods, and so pools, which poolguard does not judge. */
  private static final Set<String> UNMODELLED_WORKLOADS =
      Set.of(
          "CronJob",
          "Job",
          "DaemonSet",
          "ReplicaSet",
          "ReplicationController",
          "Pod",
          "Rollout",
          "DeploymentConfig");

  static List<Diagnostic> of(
      Read read,
      List<Service> services,
      List<Path> unmodelledFiles,
      PoolguardConfig config,
      Display display,
      Set<Path> poolerFiles) {
    List<Diagnostic> out = new ArrayList<>();
    for (Path p : read.helmTemplates()) {
      out.add(
          Diagnostic.notUsed(
              SourcePosition.startOf(display.of(p)),
              "Helm template: render it first (helm template CHART | poolguard lint -)"));
    }
    Set<String> readByServices = new HashSet<>();
    services.forEach(s -> readByServices.addAll(s.configFiles()));
    for (Path p : read.plainFiles()) {
      if (readByServices.contains(display.of(p))) {
        continue; // a config file read under another spring.config.name
      }
      out.add(
          Diagnostic.notUsed(
              SourcePosition.startOf(display.of(p)),
              helmChartFile(p)
                  ? "Helm chart file: render the chart first (helm template CHART | poolguard lint"
                      + " -)"
                  : "neither Spring Boot or Quarkus config (application*.yml,"
                      + " application*.properties) nor a Kubernetes manifest"));
    }
    Set<String> databaseFiles = new HashSet<>();
    for (DatabaseConfig db : config.databases().values()) {
      db.config().ifPresent(c -> databaseFiles.add(c.toAbsolutePath().normalize().toString()));
    }
    for (Path p : unmodelledFiles) {
      String absolute = p.toAbsolutePath().normalize().toString();
      if (databaseFiles.contains(absolute) || poolerFiles.contains(Path.of(absolute))) {
        continue;
      }
      boolean postgres = p.getFileName().toString().equals("postgresql.conf");
      boolean mysql = p.getFileName().toString().endsWith(".cnf");
      out.add(
          Diagnostic.notUsed(
              SourcePosition.startOf(display.of(p)),
              postgres
                  ? "read only when databases: in poolguard.yaml names it (poolguard init proposes"
                      + " it) or a compose database mounts it"
                  : mysql
                      ? "MySQL option file: read only when a compose database mounts it or"
                          + " databases: in poolguard.yaml names it (config: with engine: mysql)"
                      : UnusedPoolers.pgbouncerIni(p, display.of(p))
                          .orElse("a file type poolguard does not model")));
    }
    for (ConfigFile manifest : read.manifests()) {
      boolean tied =
          poolerFiles.stream().anyMatch(f -> display.of(f).equals(manifest.displayPath()));
      List<Diagnostic> untied = tied ? List.of() : UnusedPoolers.manifest(manifest);
      out.addAll(untied);
      out.addAll(kinds(manifest, tied || !untied.isEmpty()));
    }
    Set<Workload> running = new HashSet<>();
    services.forEach(s -> s.deployment().ifPresent(d -> running.add(d.workload())));
    for (Workload w : read.cluster().workloads()) {
      if (!running.contains(w) && w.kind() == Workload.Kind.COMPOSE_SERVICE) {
        out.add(
            Diagnostic.notUsed(
                w.position(),
                "compose service "
                    + w.name()
                    + " runs no service poolguard found: no config folder has its name or lies in"
                    + " its build context, and its environment sets no datasource"));
      } else if (!running.contains(w)) {
        out.add(
            Diagnostic.notUsed(
                w.position(),
                w.kind().manifestKind()
                    + " "
                    + w.name()
                    + " matches no service: no config folder or services: entry has its name"
                    + " (set deployment: for the service in poolguard.yaml)"));
      }
    }
    out.sort(Comparator.comparing(Diagnostic::position).thenComparing(Diagnostic::message));
    return out;
  }

  /** {@code Chart.yaml}, or a {@code values*.yaml} beside one. */
  private static boolean helmChartFile(Path p) {
    String name = p.getFileName().toString();
    Path dir = p.getParent();
    return name.equals("Chart.yaml")
        || (name.startsWith("values")
            && dir != null
            && java.nio.file.Files.isRegularFile(dir.resolve("Chart.yaml")));
  }

  /**
   * A manifest whose documents are all of kinds poolguard does not read, and every workload kind it
   * does not model; the kinds of a pooler are read when {@code poolersSaid} (tied, or noted).
   */
  private static List<Diagnostic> kinds(ConfigFile manifest, boolean poolersSaid) {
    List<MapNode> objects = new ArrayList<>();
    for (ConfigNode doc : manifest.documents()) {
      if (doc instanceof MapNode map) {
        objects.add(map);
        if (map.text("kind").filter("List"::equals).isPresent()) {
          map.list("items").map(ListNode::items).orElse(List.of()).stream()
              .filter(MapNode.class::isInstance)
              .map(MapNode.class::cast)
              .forEach(objects::add);
        }
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    TreeSet<String> ignored = new TreeSet<>();
    boolean used = false;
    for (MapNode map : objects) {
      String kind = map.text("kind").map(String::strip).orElse("");
      if (kind.isEmpty() || kind.equals("List")) {
        continue;
      }
      if (MODELLED.contains(kind)
          || (poolersSaid && UnusedPoolers.poolerKind(map))
          || OperatorDatabases.isDatabaseKind(map)) {
        used = true;
      } else if (UNMODELLED_WORKLOADS.contains(kind)) {
        String name = map.map("metadata").flatMap(m -> m.text("name")).map(n -> " " + n).orElse("");
        out.add(
            Diagnostic.notUsed(
                map.position(),
                kind
                    + name
                    + ": a workload kind poolguard does not model; its pools are not judged"));
      } else {
        ignored.add(kind);
      }
    }
    if (!used && out.isEmpty() && !ignored.isEmpty()) {
      out.add(
          Diagnostic.notUsed(
              SourcePosition.startOf(manifest.displayPath()),
              "holds only " + String.join(", ", ignored) + ": kinds poolguard does not model"));
    }
    return out;
  }
}
