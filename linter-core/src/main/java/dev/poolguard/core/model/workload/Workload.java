package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Deployment, StatefulSet or compose service: how many pods it runs, how it rolls them, and what
 * runs in them.
 *
 * @param kind Deployment or StatefulSet
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, {@code default} when absent
 * @param replicas {@code spec.replicas}, 1 when absent
 * @param strategy the rollout strategy with defaults filled in
 * @param containers the pod template's containers in order (not init containers)
 * @param volumes the pod template's volumes
 * @param position where {@code metadata.name} is written
 * @param revisionHistoryLimit {@code spec.revisionHistoryLimit}: old ReplicaSets kept as rollback
 *     targets, 10 when absent
 * @param progressDeadlineSeconds {@code spec.progressDeadlineSeconds} of a Deployment: how long a
 *     rollout may make no progress before Kubernetes marks it failed, 600 when absent
 * @param templateDigest a digest of {@code spec.template}'s content: equal digests mean a change
 *     rolls no pod out; empty when unknown
 */
public record Workload(
    Kind kind,
    String name,
    String namespace,
    Count replicas,
    Strategy strategy,
    List<Container> containers,
    List<Volume> volumes,
    SourcePosition position,
    Count revisionHistoryLimit,
    Count progressDeadlineSeconds,
    String templateDigest) {

  /** Kubernetes keeps 10 old ReplicaSets (or StatefulSet revisions) unless told otherwise. */
  public static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;

  /** A Deployment that makes no progress for 600 s is marked failed (ProgressDeadlineExceeded). */
  public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

  /** A workload whose manifest leaves {@code progressDeadlineSeconds} at its default. */
  public Workload(
      Kind kind,
      String name,
      String namespace,
      Count replicas,
      Strategy strategy,
      List<Container> containers,
      List<Volume> volumes,
      SourcePosition position,
      Count revisionHistoryLimit) {
    this(
        kind,
        name,
        namespace,
        replicas,
        strategy,
        containers,
        volumes,
        position,
        revisionHistoryLimit,
        new Count(DEFAULT_PROGRESS_DEADLINE_SECONDS, position, true),
        "");
  }

  public Workload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(strategy, "strategy");
    containers = List.copyOf(containers);
    volumes = List.copyOf(volumes);
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(revisionHistoryLimit, "revisionHistoryLimit");
    Objects.requireNonNull(progressDeadlineSeconds, "progressDeadlineSeconds");
    Objects.requireNonNull(templateDigest, "templateDigest");
  }

  /** A workload whose manifest leaves {@code revisionHistoryLimit} at its default. */
  public Workload(
      Kind kind,
      String name,
      String namespace,
      Count replicas,
      Strategy strategy,
      List<Container> containers,
      List<Volume> volumes,
      SourcePosition position) {
    this(
        kind,
        name,
        namespace,
        replicas,
        strategy,
        containers,
        volumes,
        position,
        new Count(DEFAULT_REVISION_HISTORY_LIMIT, position, true));
  }

  /** The workload kinds poolguard reads, with their manifest {@code kind}. */
  public enum Kind {
    DEPLOYMENT("Deployment"),
    STATEFUL_SET("StatefulSet"),
    /** A docker-compose service: its containers are replaced all at once ({@code up}). */
    COMPOSE_SERVICE("compose service");

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
