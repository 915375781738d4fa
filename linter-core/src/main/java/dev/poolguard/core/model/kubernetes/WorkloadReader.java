package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.Count;
import dev.poolguard.core.model.workload.Strategy;
import dev.poolguard.core.model.workload.Volume;
import dev.poolguard.core.model.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a Deployment or StatefulSet manifest. */
final class WorkloadReader {

  private static final String DEFAULT_PERCENT = "25%";

  private WorkloadReader() {}

  /** Reads {@code doc}, whose context names the workload ({@code Deployment orders}). */
  static Workload read(Fields doc, Workload.Kind kind, ObjectMeta meta) {
    Optional<Fields> specField = doc.map("spec");
    if (specField.isEmpty() && !doc.has("spec")) {
      doc.notes().add(meta.position(), doc.context() + " has no spec");
    }
    Fields spec =
        specField.orElseGet(
            () ->
                Fields.of(
                    new MapNode(List.of(), meta.position()), doc.context() + ".spec", doc.notes()));
    Count replicas = CountReader.read(spec, "replicas", 1, meta.position());
    Strategy strategy =
        kind == Workload.Kind.DEPLOYMENT
            ? deploymentStrategy(spec, meta.position())
            : statefulStrategy(spec, meta.position());
    Optional<Fields> podSpec = spec.map("template").flatMap(t -> t.map("spec"));
    List<Container> containers = new ArrayList<>();
    List<Volume> volumes = List.of();
    if (podSpec.isPresent()) {
      podSpec.get().mapList("containers").forEach(c -> containers.add(ContainerReader.read(c)));
      volumes = VolumeReader.read(podSpec.get());
    } else if (specField.isPresent()) {
      doc.notes()
          .add(spec.position(), doc.context() + " has no spec.template.spec; no containers read");
    }
    return new Workload(
        kind,
        meta.name(),
        meta.namespace(),
        replicas,
        strategy,
        containers,
        volumes,
        meta.position(),
        CountReader.read(
            spec, "revisionHistoryLimit", Workload.DEFAULT_REVISION_HISTORY_LIMIT, meta.position()),
        CountReader.read(
            spec,
            "progressDeadlineSeconds",
            Workload.DEFAULT_PROGRESS_DEADLINE_SECONDS,
            meta.position()),
        spec.map("template").map(t -> TemplateDigest.of(t.node())).orElse(""));
  }

  private static Strategy deploymentStrategy(Fields spec, SourcePosition owner) {
    Optional<Fields> strategy = spec.map("strategy");
    Optional<ScalarNode> type = strategy.flatMap(s -> s.scalar("type"));
    SourcePosition at =
        type.map(ScalarNode::position).or(() -> strategy.map(Fields::position)).orElse(owner);
    String name = type.map(ScalarNode::value).orElse("RollingUpdate");
    Optional<Fields> rolling = strategy.flatMap(s -> s.map("rollingUpdate"));
    if (name.equals("Recreate")) {
      rolling.ifPresent(
          r ->
              spec.notes()
                  .add(
                      r.position(),
                      "rollingUpdate is not allowed with strategy Recreate; Kubernetes rejects it"));
      return new Strategy(Strategy.Type.RECREATE, Optional.empty(), Optional.empty(), at);
    }
    if (!name.equals("RollingUpdate")) {
      spec.notes()
          .add(
              at,
              "strategy type '"
                  + name
                  + "' is neither RollingUpdate nor Recreate; Kubernetes rejects it (read as RollingUpdate)");
    }
    Strategy.Bound surge = bound(rolling, "maxSurge", DEFAULT_PERCENT, at, spec.notes());
    Strategy.Bound unavailable =
        bound(rolling, "maxUnavailable", DEFAULT_PERCENT, at, spec.notes());
    return new Strategy(
        Strategy.Type.ROLLING_UPDATE, Optional.of(surge), Optional.of(unavailable), at);
  }

  private static Strategy statefulStrategy(Fields spec, SourcePosition owner) {
    Optional<Fields> strategy = spec.map("updateStrategy");
    Optional<ScalarNode> type = strategy.flatMap(s -> s.scalar("type"));
    SourcePosition at =
        type.map(ScalarNode::position).or(() -> strategy.map(Fields::position)).orElse(owner);
    String name = type.map(ScalarNode::value).orElse("RollingUpdate");
    if (name.equals("OnDelete")) {
      return new Strategy(Strategy.Type.ON_DELETE, Optional.empty(), Optional.empty(), at);
    }
    if (!name.equals("RollingUpdate")) {
      spec.notes()
          .add(
              at,
              "updateStrategy type '"
                  + name
                  + "' is neither RollingUpdate nor OnDelete; Kubernetes rejects it (read as RollingUpdate)");
    }
    Optional<Fields> rolling = strategy.flatMap(s -> s.map("rollingUpdate"));
    Strategy.Bound unavailable = bound(rolling, "maxUnavailable", "1", at, spec.notes());
    // kubernetes pkg/controller/statefulset/stateful_set_control.go: pods with an ordinal below
    // partition keep the current revision; a negative or non-integer partition is refused by
    // the API server (validation), so only a whole number counts.
    int partition =
        rolling
            .flatMap(r -> r.scalar("partition"))
            .map(n -> Strategy.Bound.parse(n.value().strip()))
            .filter(java.util.OptionalInt::isPresent)
            .map(java.util.OptionalInt::getAsInt)
            .orElse(0);
    return new Strategy(
        Strategy.Type.STATEFUL_ROLLING_UPDATE,
        Optional.empty(),
        Optional.of(unavailable),
        at,
        partition);
  }

  private static Strategy.Bound bound(
      Optional<Fields> rolling, String key, String fallback, SourcePosition at, Notes notes) {
    Optional<ScalarNode> node = rolling.flatMap(r -> r.scalar(key));
    if (node.isEmpty()) {
      return new Strategy.Bound(fallback, at, true);
    }
    Strategy.Bound bound =
        new Strategy.Bound(node.get().value().strip(), node.get().position(), false);
    if (bound.scaled(100, false).isEmpty()) {
      notes.add(
          node.get().position(),
          key
              + " '"
              + node.get().value()
              + "' is neither a whole number nor a percentage; Kubernetes rejects it");
    }
    return bound;
  }
}
