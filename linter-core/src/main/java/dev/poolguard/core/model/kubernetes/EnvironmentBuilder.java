package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.EnvFromSource;
import dev.poolguard.core.model.workload.EnvSource;
import dev.poolguard.core.model.workload.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds an {@link Environment} following the kubelet's {@code makeEnvironmentVariables}. */
final class EnvironmentBuilder {

  private final Cluster cluster;
  private final String namespace;
  private final Map<String, EnvEntry> entries = new LinkedHashMap<>();
  private final List<EnvEntry> overridden = new ArrayList<>();
  private final List<EnvFromSource> unresolved = new ArrayList<>();
  private final Notes notes = new Notes();
  private final Expansion.Budget budget = new Expansion.Budget();
  private boolean budgetNoted;

  EnvironmentBuilder(Cluster cluster, String namespace) {
    this.cluster = cluster;
    this.namespace = namespace;
  }

  Environment build(Container container) {
    container.envFrom().forEach(this::envFrom);
    container.env().forEach(this::env);
    return new Environment(entries, overridden, unresolved, notes.list());
  }

  private void envFrom(EnvFromSource source) {
    if (source.source() == EnvFromSource.Source.CONFIG_MAP) {
      Optional<ConfigMap> map = cluster.configMap(namespace, source.name());
      if (map.isEmpty()) {
        missingSource(source, "ConfigMap");
        return;
      }
      for (ConfigMap.Entry e : map.get().data()) {
        String name = source.prefix() + e.key();
        put(known(name, e.text(), e.keyPosition(), e.text()));
      }
      return;
    }
    Optional<Secret> secret = cluster.secret(namespace, source.name());
    if (secret.isEmpty()) {
      missingSource(source, "Secret");
      return;
    }
    for (Secret.Key key : secret.get().keys()) {
      String name = source.prefix() + key.name();
      put(unknown(name, Value.Unknown.Cause.SECRET, source.position(), source.describe()));
    }
  }

  private void missingSource(EnvFromSource source, String kind) {
    unresolved.add(source);
    notes.add(
        source.position(),
        kind
            + " "
            + source.name()
            + " is not among the linted files: the variables it adds are unknown"
            + (source.optional() ? " (optional: none if it does not exist)" : ""));
  }

  private void env(EnvVar var) {
    EnvSource source = var.source();
    if (source instanceof EnvSource.Literal literal) {
      literal(var.name(), literal);
    } else if (source instanceof EnvSource.ConfigMapKey ref) {
      configMapKey(var, ref);
    } else if (source instanceof EnvSource.SecretKey ref) {
      secretKey(var, ref);
    } else if (source instanceof EnvSource.FieldRef ref) {
      put(
          unknown(
              var.name(),
              Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER,
              var.position(),
              "fieldRef " + ref.fieldPath()));
    } else if (source instanceof EnvSource.ResourceFieldRef ref) {
      put(
          unknown(
              var.name(),
              Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER,
              var.position(),
              "resourceFieldRef " + ref.resource()));
    } else if (source instanceof EnvSource.Other other) {
      put(
          unknown(
              var.name(),
              Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER,
              var.position(),
              "valueFrom " + other.kind()));
    }
  }

  private void literal(String name, EnvSource.Literal literal) {
    // The kubelet expands only non-empty values, against everything defined so far.
    Expansion.Result r =
        Expansion.expand(
            literal.value(),
            ref ->
                Optional.ofNullable(entries.get(ref))
                    .map(e -> new Expansion.Ref(e.text(), e.unknown())),
            budget);
    if (budget.exhausted() && !budgetNoted) {
      budgetNoted = true;
      notes.add(
          literal.position(),
          "$(VAR) expansion of "
              + name
              + " stopped: one value may expand to "
              + Expansion.MAX_LENGTH
              + " characters and one container's values together to "
              + Expansion.MAX_TOTAL_LENGTH
              + "; this and later values that need more are unknown");
    }
    for (String undefined : r.undefined()) {
      notes.add(
          literal.position(),
          "$("
              + undefined
              + ") in "
              + name
              + " is not defined before it, so Kubernetes keeps it as written (unless it is a service link variable)");
    }
    Origin origin = new Origin(Origin.Kind.ENV, literal.position(), name, literal.value());
    put(new EnvEntry(name, r.text(), r.unknown(), origin, List.of()));
  }

  private void configMapKey(EnvVar var, EnvSource.ConfigMapKey ref) {
    Optional<ConfigMap> map = cluster.configMap(namespace, ref.name());
    Optional<ConfigMap.Entry> entry = map.flatMap(m -> m.entry(ref.key()));
    if (entry.isPresent()) {
      put(known(var.name(), entry.get().text(), entry.get().keyPosition(), entry.get().text()));
      return;
    }
    String what =
        map.isEmpty()
            ? "ConfigMap " + ref.name() + " is not among the linted files"
            : "ConfigMap " + ref.name() + " has no key " + ref.key();
    if (ref.optional() && map.isPresent()) {
      // An optional reference to a missing key leaves the variable unset (the kubelet skips it).
      notes.add(
          ref.position(),
          "env " + var.name() + ": " + what + "; optional, so the variable is not set");
      return;
    }
    notes.add(ref.position(), "env " + var.name() + ": " + what + "; its value is unknown");
    put(
        unknown(
            var.name(),
            Value.Unknown.Cause.UNRESOLVED_PLACEHOLDER,
            var.position(),
            "configMapKeyRef " + ref.name() + "/" + ref.key()));
  }

  private void secretKey(EnvVar var, EnvSource.SecretKey ref) {
    Optional<Secret> secret = cluster.secret(namespace, ref.name());
    if (secret.isPresent() && secret.get().key(ref.key()).isEmpty()) {
      if (ref.optional()) {
        notes.add(
            ref.position(),
            "env "
                + var.name()
                + ": Secret "
                + ref.name()
                + " has no key "
                + ref.key()
                + "; optional, so the variable is not set");
        return;
      }
      notes.add(
          ref.position(),
          "env "
              + var.name()
              + ": Secret "
              + ref.name()
              + " has no key "
              + ref.key()
              + "; the pod will not start");
    }
    put(
        unknown(
            var.name(),
            Value.Unknown.Cause.SECRET,
            var.position(),
            "secretKeyRef " + ref.name() + "/" + ref.key()));
  }

  private static EnvEntry known(String name, String text, SourcePosition at, String written) {
    return new EnvEntry(
        name, text, Optional.empty(), new Origin(Origin.Kind.ENV, at, name, written), List.of());
  }

  private static EnvEntry unknown(
      String name, Value.Unknown.Cause cause, SourcePosition at, String written) {
    return new EnvEntry(
        name,
        "",
        Optional.of(new Value.Unknown(cause, name)),
        new Origin(Origin.Kind.ENV, at, name, written),
        List.of());
  }

  private void put(EnvEntry entry) {
    EnvEntry old = entries.get(entry.name());
    if (old != null) {
      overridden.add(old);
      List<Origin> beaten = new ArrayList<>();
      beaten.add(old.origin());
      beaten.addAll(old.overridden());
      entry = entry.withOverridden(beaten);
    }
    entries.put(entry.name(), entry);
  }
}
