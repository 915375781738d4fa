package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.model.workload.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything poolguard read from a set of Kubernetes manifests, and notes about what it could not
 * read. Objects are matched by name within their namespace.
 *
 * @param workloads Deployments and StatefulSets in file order
 * @param autoscalers HorizontalPodAutoscalers
 * @param configMaps ConfigMaps
 * @param secrets Secrets (keys only)
 * @param notes {@code file:line:column: message} for each shape that could not be read
 * @param autoscalersByTarget the autoscalers by the name their {@code scaleTargetRef} names, so
 *     that a monorepo of a thousand workloads does not compare every pair
 */
public record Cluster(
    List<Workload> workloads,
    List<Autoscaler> autoscalers,
    List<ConfigMap> configMaps,
    List<Secret> secrets,
    List<String> notes,
    Map<String, List<Autoscaler>> autoscalersByTarget) {

  public Cluster {
    workloads = List.copyOf(workloads);
    autoscalers = List.copyOf(autoscalers);
    configMaps = List.copyOf(configMaps);
    secrets = List.copyOf(secrets);
    notes = List.copyOf(notes);
    Map<String, List<Autoscaler>> byTarget = new HashMap<>();
    for (Autoscaler a : autoscalers) {
      byTarget.computeIfAbsent(a.targetName(), k -> new ArrayList<>()).add(a);
    }
    autoscalersByTarget = Map.copyOf(byTarget);
  }

  public Cluster(
      List<Workload> workloads,
      List<Autoscaler> autoscalers,
      List<ConfigMap> configMaps,
      List<Secret> secrets,
      List<String> notes) {
    this(workloads, autoscalers, configMaps, secrets, notes, Map.of());
  }

  public static Cluster empty() {
    return new Cluster(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** This cluster with {@code more} workloads after its own (compose services beside manifests). */
  public Cluster withWorkloads(List<Workload> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Workload> all = new ArrayList<>(workloads);
    all.addAll(more);
    return new Cluster(all, autoscalers, configMaps, secrets, notes);
  }

  public Optional<ConfigMap> configMap(String namespace, String name) {
    return configMaps.stream()
        .filter(c -> c.namespace().equals(namespace) && c.name().equals(name))
        .findFirst();
  }

  public Optional<Secret> secret(String namespace, String name) {
    return secrets.stream()
        .filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
        .findFirst();
  }

  public Optional<Workload> workload(Workload.Kind kind, String namespace, String name) {
    return workloads.stream()
        .filter(w -> w.kind() == kind && w.namespace().equals(namespace) && w.name().equals(name))
        .findFirst();
  }

  /** The autoscalers whose {@code scaleTargetRef} names {@code workload}. */
  public List<Autoscaler> autoscalersFor(Workload workload) {
    Objects.requireNonNull(workload, "workload");
    return autoscalersByTarget.getOrDefault(workload.name(), List.of()).stream()
        .filter(a -> a.scales(workload))
        .toList();
  }
}
