package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.workload.Container;
import dev.poolguard.core.model.workload.EnvFromSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's environment as the kubelet builds it: {@code envFrom} sources in order (a later
 * source replaces an earlier one's variable), then {@code env} entries in order (replacing anything
 * before them), each literal value {@code $(VAR)}-expanded against the variables defined before it.
 *
 * @param entries the variables by name, in the order they were first defined
 * @param overridden the definitions a later one replaced, in the order they were replaced
 * @param unresolved {@code envFrom} sources whose keys are unknown (the ConfigMap or Secret is not
 *     among the linted files): any variable may come from them
 * @param notes {@code file:line:column: message} about references that could not be resolved
 */
public record Environment(
    Map<String, EnvEntry> entries,
    List<EnvEntry> overridden,
    List<EnvFromSource> unresolved,
    List<String> notes) {

  public Environment {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    overridden = List.copyOf(overridden);
    unresolved = List.copyOf(unresolved);
    notes = List.copyOf(notes);
  }

  /**
   * Builds the environment of {@code container}, resolving ConfigMaps and Secrets by name in {@code
   * namespace} of {@code cluster}. Secret values are never read: their variables are unknown with
   * cause SECRET.
   */
  public static Environment of(Container container, Cluster cluster, String namespace) {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    return new EnvironmentBuilder(cluster, namespace).build(container);
  }

  public Optional<EnvEntry> get(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /**
   * Expands {@code $(VAR)} in {@code text} against the whole environment, as the kubelet does for
   * {@code command} and {@code args}.
   */
  Expansion.Result expand(String text, Expansion.Budget budget) {
    return Expansion.expand(
        text, name -> get(name).map(e -> new Expansion.Ref(e.text(), e.unknown())), budget);
  }
}
