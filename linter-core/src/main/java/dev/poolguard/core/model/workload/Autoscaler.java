package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * A HorizontalPodAutoscaler ({@code autoscaling/v1} or {@code v2}): the workload it scales and the
 * replica range.
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, {@code default} when absent
 * @param apiVersion as written
 * @param targetKind {@code scaleTargetRef.kind}
 * @param targetName {@code scaleTargetRef.name}
 * @param minReplicas {@code minReplicas}, 1 when absent
 * @param maxReplicas {@code maxReplicas}; the API requires it, empty when missing or unreadable
 * @param position where {@code metadata.name} is written
 */
public record Autoscaler(
    String name,
    String namespace,
    String apiVersion,
    String targetKind,
    String targetName,
    Count minReplicas,
    Optional<Count> maxReplicas,
    SourcePosition position) {

  public Autoscaler {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(targetKind, "targetKind");
    Objects.requireNonNull(targetName, "targetName");
    Objects.requireNonNull(minReplicas, "minReplicas");
    Objects.requireNonNull(maxReplicas, "maxReplicas");
    Objects.requireNonNull(position, "position");
  }

  /** True when this autoscaler scales {@code workload} (same namespace, kind and name). */
  public boolean scales(Workload workload) {
    return namespace.equals(workload.namespace())
        && targetKind.equals(workload.kind().manifestKind())
        && targetName.equals(workload.name());
  }
}
