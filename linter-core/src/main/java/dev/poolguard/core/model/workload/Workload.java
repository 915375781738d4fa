package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Deployment or StatefulSet: how many pods it runs, how it rolls them, and what runs in them.
 *
 * @param kind Deployment or StatefulSet
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, {@code default} when absent
 * @param replicas {@code spec.replicas}, 1 when absent
 * @param strategy the rollout strategy with defaults filled in
 * @param containers the pod template's containers in order (not init containers)
 * @param volumes the pod template's volumes
 * @param position where {@code metadata.name} is written
 */
public record Workload(
    Kind kind,
    String name,
    String namespace,
    Count replicas,
    Strategy strategy,
    List<Container> containers,
    List<Volume> volumes,
    SourcePosition position) {

  public Workload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(strategy, "strategy");
    containers = List.copyOf(containers);
    volumes = List.copyOf(volumes);
    Objects.requireNonNull(position, "position");
  }

  /** The workload kinds poolguard reads, with their manifest {@code kind}. */
  public enum Kind {
    DEPLOYMENT("Deployment"),
    STATEFUL_SET("StatefulSet");

    private final String manifestKind;

    Kind(String manifestKind) {
      this.manifestKind = manifestKind;
    }

    /** The {@code kind:} as written in a manifest and in {@code scaleTargetRef}. */
    public String manifestKind() {
      return manifestKind;
    }
  }

  public Optional<Container> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<Volume> volume(String name) {
    return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** {@code Deployment orders} (namespace shown when not {@code default}), as notes name it. */
  public String describe() {
    return kind.manifestKind() + " " + ("default".equals(namespace) ? "" : namespace + "/") + name;
  }
}
