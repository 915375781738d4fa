package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.model.workload.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Sorts the documents of manifest files into the objects poolguard reads. */
final class ManifestReader {

  private static final Set<String> WORKLOAD_VERSIONS = Set.of("apps/v1");
  // Removed from Kubernetes (1.16) but still found in old manifests: read with apps/v1 meaning.
  private static final Set<String> OLD_WORKLOAD_VERSIONS =
      Set.of("apps/v1beta1", "apps/v1beta2", "extensions/v1beta1");
  private static final Set<String> HPA_VERSIONS = Set.of("autoscaling/v1", "autoscaling/v2");
  private static final Set<String> OLD_HPA_VERSIONS =
      Set.of("autoscaling/v2beta1", "autoscaling/v2beta2");

  private final Notes notes = new Notes();
  // Keyed by kind/namespace/name: a later definition of the same object replaces the earlier one.
  private final Map<String, Workload> workloads = new LinkedHashMap<>();
  private final Map<String, Autoscaler> autoscalers = new LinkedHashMap<>();
  private final Map<String, ConfigMap> configMaps = new LinkedHashMap<>();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final Function<String, Optional<List<String>>> lines;

  ManifestReader(Function<String, Optional<List<String>>> lines) {
    this.lines = lines;
  }

  Cluster read(List<ConfigFile> files) {
    for (ConfigFile file : files) {
      for (ConfigNode doc : file.documents()) {
        if (doc instanceof MapNode map) {
          document(map, file.displayPath(), true);
        }
      }
    }
    return new Cluster(
        List.copyOf(workloads.values()),
        List.copyOf(autoscalers.values()),
        List.copyOf(configMaps.values()),
        List.copyOf(secrets.values()),
        notes.list());
  }

  /** True when {@code node} is a mapping with {@code apiVersion} and {@code kind}. */
  static boolean isObject(ConfigNode node) {
    return node instanceof MapNode map
        && text(map, "apiVersion").isPresent()
        && text(map, "kind").isPresent();
  }

  private void document(MapNode map, String path, boolean listAllowed) {
    Optional<String> apiVersion = text(map, "apiVersion");
    Optional<String> kind = text(map, "kind");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return;
    }
    if (kind.get().equals("List") && listAllowed) {
      Fields.of(map, "List", notes)
          .list("items")
          .forEach(
              item -> {
                if (item instanceof MapNode m) {
                  document(m, path, false);
                }
              });
      return;
    }
    switch (kind.get()) {
      case "Deployment" -> workload(map, apiVersion.get(), Workload.Kind.DEPLOYMENT);
      case "StatefulSet" -> workload(map, apiVersion.get(), Workload.Kind.STATEFUL_SET);
      case "HorizontalPodAutoscaler" -> autoscaler(map, apiVersion.get());
      case "ConfigMap" ->
          meta(map, apiVersion.get(), kind.get())
              .filter(m -> core(m))
              .ifPresent(
                  m ->
                      put(
                          configMaps,
                          m,
                          DataReader.configMap(fields(map, m), m, lines.apply(path))));
      case "Secret" ->
          meta(map, apiVersion.get(), kind.get())
              .filter(m -> core(m))
              .ifPresent(m -> put(secrets, m, DataReader.secret(fields(map, m), m)));
      default -> {
        // Services, Ingresses, CRDs…: read and ignored.
      }
    }
  }

  private void workload(MapNode map, String apiVersion, Workload.Kind kind) {
    if (!WORKLOAD_VERSIONS.contains(apiVersion) && !OLD_WORKLOAD_VERSIONS.contains(apiVersion)) {
      return; // Same kind name in another API group (e.g. OpenKruise): not a Kubernetes workload.
    }
    Optional<ObjectMeta> meta = meta(map, apiVersion, kind.manifestKind());
    if (meta.isEmpty()) {
      return;
    }
    if (OLD_WORKLOAD_VERSIONS.contains(apiVersion)) {
      notes.add(
          meta.get().position(),
          kind.manifestKind()
              + " "
              + meta.get().name()
              + " uses "
              + apiVersion
              + ", which Kubernetes no longer serves (since 1.16); read as apps/v1");
    }
    put(workloads, meta.get(), WorkloadReader.read(fields(map, meta.get()), kind, meta.get()));
  }

  private void autoscaler(MapNode map, String apiVersion) {
    if (!HPA_VERSIONS.contains(apiVersion) && !OLD_HPA_VERSIONS.contains(apiVersion)) {
      return;
    }
    Optional<ObjectMeta> meta = meta(map, apiVersion, "HorizontalPodAutoscaler");
    if (meta.isEmpty()) {
      return;
    }
    if (OLD_HPA_VERSIONS.contains(apiVersion)) {
      notes.add(
          meta.get().position(),
          "HorizontalPodAutoscaler "
              + meta.get().name()
              + " uses "
              + apiVersion
              + ", which Kubernetes no longer serves (since 1.26); read as autoscaling/v2");
    }
    AutoscalerReader.read(fields(map, meta.get()), meta.get())
        .ifPresent(a -> put(autoscalers, meta.get(), a));
  }

  private static boolean core(ObjectMeta meta) {
    return meta.apiVersion().equals("v1");
  }

  private Fields fields(MapNode map, ObjectMeta meta) {
    return Fields.of(map, meta.kind() + " " + meta.name(), notes);
  }

  private Optional<ObjectMeta> meta(MapNode map, String apiVersion, String kind) {
    Optional<Fields> metadata = Fields.of(map, kind, notes).map("metadata");
    Optional<ScalarNode> name =
        metadata.flatMap(m -> m.scalar("name")).filter(n -> !n.value().isBlank());
    if (name.isEmpty()) {
      notes.add(map.position(), kind + " has no metadata.name; ignored");
      return Optional.empty();
    }
    String namespace =
        metadata
            .flatMap(m -> m.text("namespace"))
            .filter(n -> !n.isBlank())
            .orElse(ObjectMeta.DEFAULT_NAMESPACE);
    return Optional.of(
        new ObjectMeta(apiVersion, kind, name.get().value(), namespace, name.get().position()));
  }

  private <T> void put(Map<String, T> into, ObjectMeta meta, T object) {
    if (into.containsKey(meta.key())) {
      notes.add(
          meta.position(),
          meta.kind() + " " + meta.name() + " is defined again; the later definition wins");
      into.remove(meta.key());
    }
    into.put(meta.key(), object);
  }

  private static Optional<String> text(MapNode map, String key) {
    return map.text(key).map(String::strip).filter(s -> !s.isEmpty());
  }
}
